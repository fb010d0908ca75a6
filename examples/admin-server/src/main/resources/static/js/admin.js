// The pages' only script (the CSP allows no inline script). htmx is configured by the htmx-config meta tag
// (no eval, no indicator <style>); this file adds the CSRF header to htmx requests, sizes progress bars from
// aria-valuenow (inline style attributes are refused by the CSP) and draws the sync history chart.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c && event.detail.verb !== 'get') {
      event.detail.headers[c.header] = c.token;
    }
  });

  function sizeProgressBars(root) {
    root.querySelectorAll('.progress-bar[aria-valuenow]').forEach(function (bar) {
      var value = Math.max(0, Math.min(100, Number(bar.getAttribute('aria-valuenow')) || 0));
      bar.style.width = value + '%';
    });
  }

  function drawHistoryChart() {
    var canvas = document.getElementById('history-chart');
    if (!canvas || typeof window.Chart === 'undefined' || canvas.dataset.drawn) {
      return;
    }
    var data;
    try {
      data = JSON.parse(canvas.dataset.chart || '{}');
    } catch (e) {
      return;
    }
    if (!data.labels || data.labels.length === 0) {
      return;
    }
    canvas.dataset.drawn = 'true';
    var series = [
      ['Created', data.created, '#198754'],
      ['Updated', data.updated, '#0d6efd'],
      ['Unchanged', data.unchanged, '#adb5bd'],
      ['Failed', data.failed, '#dc3545']
    ];
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: series.map(function (s) {
          return { label: s[0], data: s[1] || [], backgroundColor: s[2] };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'Items' } } }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    sizeProgressBars(document);
    drawHistoryChart();
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    sizeProgressBars(event.detail.target.parentNode || document);
  });
  document.addEventListener('htmx:afterSettle', function () {
    sizeProgressBars(document);
    drawHistoryChart();
  });
  // the history comes back out of band when a watched run ends: draw its new chart
  document.addEventListener('htmx:oobAfterSwap', function () {
    drawHistoryChart();
  });
})();
