package io.github.metacommerce.spring.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Wraps a real DataSource and counts what reaches the database: statement executions by kind, rows added to JDBC
 * batches and rows read from result sets. Every call is passed on unchanged.
 */
final class CountingDataSource {
    final AtomicLong executeBatch = new AtomicLong();
    final AtomicLong executeUpdate = new AtomicLong();
    final AtomicLong executeQuery = new AtomicLong();
    final AtomicLong execute = new AtomicLong();
    final AtomicLong addBatch = new AtomicLong();
    final AtomicLong rowsRead = new AtomicLong();
    private final DataSource proxy;

    CountingDataSource(DataSource target) {
        this.proxy = wrap(DataSource.class, target);
    }

    DataSource dataSource() {
        return proxy;
    }

    /** Statements sent to the database, a JDBC batch counting as one. */
    long statements() {
        return executeBatch.get() + executeUpdate.get() + executeQuery.get() + execute.get();
    }

    void reset() {
        executeBatch.set(0);
        executeUpdate.set(0);
        executeQuery.set(0);
        execute.set(0);
        addBatch.set(0);
        rowsRead.set(0);
    }

    private <T> T wrap(Class<T> type, Object target) {
        InvocationHandler handler = (p, method, args) -> {
            count(target, method);
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("next") && target instanceof ResultSet && Boolean.TRUE.equals(result)) {
                rowsRead.incrementAndGet();
            }
            Class<?> returns = method.getReturnType();
            if (result != null && returns.isInterface()
                    && (Connection.class.isAssignableFrom(returns) || Statement.class.isAssignableFrom(returns)
                    || ResultSet.class.isAssignableFrom(returns))) {
                return wrap(returns, result);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private void count(Object target, Method method) {
        if (!(target instanceof Statement)) {
            return;
        }
        switch (method.getName()) {
            case "executeBatch", "executeLargeBatch" -> executeBatch.incrementAndGet();
            case "executeUpdate", "executeLargeUpdate" -> executeUpdate.incrementAndGet();
            case "executeQuery" -> executeQuery.incrementAndGet();
            case "execute" -> execute.incrementAndGet();
            case "addBatch" -> addBatch.incrementAndGet();
            default -> { }
        }
    }
}
