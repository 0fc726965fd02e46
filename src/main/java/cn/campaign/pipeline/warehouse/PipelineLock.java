package cn.campaign.pipeline.warehouse;

import cn.campaign.pipeline.operation.PipelineFailure;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One pipeline run at a time, on any PostgreSQL: a session-level advisory lock held on a
 * connection of its own for the whole run. A second launch fails at once, naming the run
 * that holds the lock, and changes nothing. The lock dies with the holder's session, so a
 * killed run never leaves it behind.
 */
@Component
public class PipelineLock {

    /** An arbitrary constant: the pipeline's lock among the database's advisory locks. */
    private static final long LOCK_KEY = 0x43414D5041494721L;

    private final DataSource dataSource;

    public PipelineLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Held acquire(String command) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (!tryLock(connection)) {
                String holder = holder(connection);
                connection.close();
                throw new PipelineFailure("another pipeline run is in progress (" + holder + "); this "
                        + command + " changed nothing — run it again when that one has finished");
            }
            try (PreparedStatement record = connection.prepareStatement("""
                    insert into pipeline.lock_holder (command, started_at, pid, host) values (?, now(), ?, ?)
                    on conflict (singleton) do update
                    set command = excluded.command, started_at = excluded.started_at, pid = excluded.pid, host = excluded.host""")) {
                record.setString(1, command);
                record.setLong(2, ProcessHandle.current().pid());
                record.setString(3, InetAddress.getLocalHost().getHostName());
                record.executeUpdate();
            }
            return new Held(connection);
        } catch (SQLException | java.net.UnknownHostException e) {
            throw new PipelineFailure("could not take the pipeline lock: " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String holder(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select command || ', started ' || to_char(started_at, 'YYYY-MM-DD HH24:MI:SS TZ')
                       || ', pid ' || pid || ' on ' || host
                from pipeline.lock_holder""");
             ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getString(1) : "unknown run";
        }
    }

    /** The held lock; closing it releases the lock and its connection. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, LOCK_KEY);
                unlock.execute();
            } catch (SQLException e) {
                // the session is gone, and the lock with it
            }
        }
    }
}
