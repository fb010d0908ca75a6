package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.system.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In sandbox mode the embedded Graph sandbox starts empty every time (it keeps its catalogs in memory, and hands
 * out the same catalog ids again). What the database remembers of its catalogs is then wrong: the ledger would say
 * that items are at "Meta" that are not, and a sync would skip them. So at startup the ledger, the products' sync
 * times and the product errors are cleared; the next sync sends everything again.
 */
@Component
@ConditionalOnProperty(name = SandboxMode.ACTIVE, havingValue = "true")
class SandboxRestart implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(SandboxRestart.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String ledgerTable;

    SandboxRestart(JdbcClient jdbc, TransactionTemplate tx,
            @Value("${meta.commerce.sync.jdbc-ledger.table:meta_commerce_ledger}") String ledgerTable) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledgerTable = RunRecorder.checkedTable(ledgerTable);
    }

    @Override
    public void run(ApplicationArguments args) {
        int forgotten = tx.execute(s -> {
            int n = jdbc.sql("delete from " + ledgerTable).update();
            jdbc.sql("update products set last_synced_at = null where last_synced_at is not null").update();
            jdbc.sql("delete from product_errors").update();
            jdbc.sql("delete from product_error_groups").update();
            return n;
        });
        if (forgotten > 0) {
            log.info("Sandbox mode: the Graph sandbox started empty, so the ledger of its catalogs ({} items) was "
                    + "cleared; the next sync sends every product again", forgotten);
        }
    }
}
