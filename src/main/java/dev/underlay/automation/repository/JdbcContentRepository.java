package dev.underlay.automation.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underlay.automation.content.ContentJson;
import dev.underlay.automation.content.ContentPack;
import dev.underlay.automation.content.ContentStore;
import dev.underlay.automation.content.Stage;
import dev.underlay.automation.content.Task;
import dev.underlay.automation.content.TaskTemplate;
import dev.underlay.automation.content.Workflow;
import dev.underlay.db.Database;
import dev.underlay.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Content packs in the database (migration V5): one row per pack, task, stage and workflow, their ordered parts in
 * child rows. An install is one transaction through {@link Database#transaction}: the old pack of that name and
 * everything it brought go, the new one comes, or nothing changes.
 */
public final class JdbcContentRepository implements ContentStore {
    private final Database db;

    /**
     * Made on first use: an ObjectMapper costs some 350 classes and a sixth of a second of CPU, and every open of
     * a data folder builds this repository, also for commands that never touch content packs.
     */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    public JdbcContentRepository(Database db) {
        this.db = db;
    }

    @Override
    public List<ContentPack> packs() {
        try (Connection c = db.connection()) {
            return ContentRows.load(c);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read content packs: " + e.getMessage(), e);
        }
    }

    @Override
    public void install(ContentPack pack) {
        try {
            db.transaction(c -> {
                delete(c, pack.name());
                insert(c, pack);
                return null;
            });
        } catch (SQLException e) {
            throw new DatabaseException("cannot install content pack " + pack.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean remove(String name) {
        try {
            return db.transaction(c -> delete(c, name));
        } catch (SQLException e) {
            throw new DatabaseException("cannot remove content pack " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean delete(Connection c, String pack) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM content_pack WHERE name = ?")) {
            ps.setString(1, pack);
            return ps.executeUpdate() > 0; // tasks, stages, workflows and their rows cascade
        }
    }

    private static void insert(Connection c, ContentPack p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO content_pack (name, version, description, "
                + "prerequisites, params_json, profiles_json, installed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.name());
            ps.setString(2, p.version());
            ps.setString(3, p.description());
            ps.setString(4, json(ContentJson.strings(p.prerequisites())));
            ps.setString(5, json(ContentJson.params(p.params())));
            ps.setString(6, json(ContentJson.profiles(p.profiles())));
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
        insertTasks(c, p);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO automation_stage (name, pack, description, "
                + "params_json, profiles, ordinal) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement tasks = c.prepareStatement("INSERT INTO stage_task (stage, ordinal, task) "
                     + "VALUES (?, ?, ?)")) {
            int n = 0;
            for (Stage s : p.stages()) {
                st.setInt(6, n++);
                st.setString(1, s.name());
                st.setString(2, p.name());
                st.setString(3, s.description());
                st.setString(4, json(Mapper.JSON.valueToTree(s.params())));
                st.setString(5, json(ContentJson.strings(s.profiles())));
                st.addBatch();
                ordered(tasks, s.name(), s.tasks());
            }
            st.executeBatch();
            tasks.executeBatch();
        }
        try (PreparedStatement wf = c.prepareStatement("INSERT INTO automation_workflow (name, pack, description, "
                + "ordinal) VALUES (?, ?, ?, ?)");
             PreparedStatement stages = c.prepareStatement("INSERT INTO workflow_stage (workflow, ordinal, stage) "
                     + "VALUES (?, ?, ?)")) {
            int n = 0;
            for (Workflow w : p.workflows()) {
                wf.setInt(4, n++);
                wf.setString(1, w.name());
                wf.setString(2, p.name());
                wf.setString(3, w.description());
                wf.addBatch();
                ordered(stages, w.name(), w.stages());
            }
            wf.executeBatch();
            stages.executeBatch();
        }
    }

    private static void insertTasks(Connection c, ContentPack p) throws SQLException {
        try (PreparedStatement t = c.prepareStatement("INSERT INTO automation_task (name, pack, description, "
                + "required_params, optional_params, publishes, timeout_ms, retries, backoff_ms, incomplete_exit, "
                + "reboot_exit, ordinal, continue_on_failure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement tt = c.prepareStatement("INSERT INTO task_template (task, ordinal, name, kind, path, "
                     + "file_mode, file_owner, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Task task : p.tasks()) {
                t.setInt(12, n++);
                t.setString(1, task.name());
                t.setString(2, p.name());
                t.setString(3, task.description());
                t.setString(4, json(ContentJson.strings(task.required())));
                t.setString(5, json(ContentJson.strings(task.optional())));
                t.setString(6, json(ContentJson.strings(task.publishes())));
                if (task.timeout() == null) {
                    t.setNull(7, Types.BIGINT);
                } else {
                    t.setLong(7, task.timeout().toMillis());
                }
                t.setInt(8, task.retries());
                t.setLong(9, task.backoff().toMillis());
                t.setInt(10, task.incompleteExit());
                t.setInt(11, task.rebootExit());
                t.setBoolean(13, task.continueOnFailure());
                t.addBatch();
                int i = 0;
                for (TaskTemplate x : task.templates()) {
                    tt.setString(1, task.name());
                    tt.setInt(2, i++);
                    tt.setString(3, x.name());
                    tt.setString(4, x.kind().id());
                    tt.setString(5, x.path());
                    tt.setString(6, x.mode());
                    tt.setString(7, x.owner());
                    tt.setString(8, x.body());
                    tt.addBatch();
                }
            }
            t.executeBatch();
            tt.executeBatch();
        }
    }

    private static void ordered(PreparedStatement ps, String owner, List<String> values) throws SQLException {
        int i = 0;
        for (String v : values) {
            ps.setString(1, owner);
            ps.setInt(2, i++);
            ps.setString(3, v);
            ps.addBatch();
        }
    }

    static String json(JsonNode n) {
        try {
            return Mapper.JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(String s) throws SQLException {
        try {
            return Mapper.JSON.readTree(s);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    static Duration millis(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Duration.ofMillis(v);
    }

    static Map<String, List<String>> lists(Connection c, String sql) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }
}
