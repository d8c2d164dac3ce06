package dev.underlay.automation.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.automation.content.ContentJson;
import dev.underlay.automation.content.ContentPack;
import dev.underlay.automation.content.Stage;
import dev.underlay.automation.content.Task;
import dev.underlay.automation.content.TaskTemplate;
import dev.underlay.automation.content.Workflow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every installed pack back into records, in a handful of queries whatever the number of packs. */
final class ContentRows {
    private ContentRows() {
    }

    static List<ContentPack> load(Connection c) throws SQLException {
        Map<String, List<TaskTemplate>> templates = templates(c);
        Map<String, List<Task>> tasks = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, pack, description, required_params, "
                + "optional_params, publishes, timeout_ms, retries, backoff_ms, incomplete_exit, reboot_exit, "
                + "continue_on_failure FROM automation_task ORDER BY pack, ordinal"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString("name");
                tasks.computeIfAbsent(rs.getString("pack"), k -> new ArrayList<>()).add(new Task(name,
                        rs.getString("description"), templates.getOrDefault(name, List.of()),
                        strings(rs.getString("required_params")), strings(rs.getString("optional_params")),
                        strings(rs.getString("publishes")), JdbcContentRepository.millis(rs, "timeout_ms"),
                        rs.getInt("retries"), Duration.ofMillis(rs.getLong("backoff_ms")),
                        rs.getInt("incomplete_exit"), rs.getInt("reboot_exit"), rs.getString("pack"),
                        rs.getBoolean("continue_on_failure")));
            }
        }
        Map<String, List<String>> stageTasks = JdbcContentRepository.lists(c,
                "SELECT stage, task FROM stage_task ORDER BY stage, ordinal");
        Map<String, List<Stage>> stages = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, pack, description, params_json, profiles "
                + "FROM automation_stage ORDER BY pack, ordinal"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString("name");
                Map<String, JsonNode> params = new LinkedHashMap<>();
                JdbcContentRepository.tree(rs.getString("params_json")).fields()
                        .forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
                stages.computeIfAbsent(rs.getString("pack"), k -> new ArrayList<>()).add(new Stage(name,
                        rs.getString("description"), stageTasks.getOrDefault(name, List.of()), params,
                        strings(rs.getString("profiles")), rs.getString("pack")));
            }
        }
        Map<String, List<String>> wfStages = JdbcContentRepository.lists(c,
                "SELECT workflow, stage FROM workflow_stage ORDER BY workflow, ordinal");
        Map<String, List<Workflow>> workflows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, pack, description FROM automation_workflow "
                + "ORDER BY pack, ordinal"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString("name");
                workflows.computeIfAbsent(rs.getString("pack"), k -> new ArrayList<>()).add(new Workflow(name,
                        rs.getString("description"), wfStages.getOrDefault(name, List.of()), rs.getString("pack")));
            }
        }
        List<ContentPack> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, version, description, prerequisites, "
                + "params_json, profiles_json FROM content_pack ORDER BY name"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString("name");
                out.add(new ContentPack(name, rs.getString("version"), rs.getString("description"),
                        strings(rs.getString("prerequisites")),
                        ContentJson.params(JdbcContentRepository.tree(rs.getString("params_json"))),
                        ContentJson.profiles(JdbcContentRepository.tree(rs.getString("profiles_json"))),
                        tasks.getOrDefault(name, List.of()), stages.getOrDefault(name, List.of()),
                        workflows.getOrDefault(name, List.of())));
            }
        }
        return out;
    }

    private static Map<String, List<TaskTemplate>> templates(Connection c) throws SQLException {
        Map<String, List<TaskTemplate>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT task, name, kind, path, file_mode, file_owner, body "
                + "FROM task_template ORDER BY task, ordinal"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TaskTemplate.Kind kind = TaskTemplate.Kind.parse(rs.getString("kind"));
                if (kind == null) {
                    throw new SQLException("task " + rs.getString("task") + " has a template of unknown kind "
                            + rs.getString("kind"));
                }
                out.computeIfAbsent(rs.getString("task"), k -> new ArrayList<>()).add(new TaskTemplate(
                        rs.getString("name"), kind, rs.getString("path"), rs.getString("file_mode"),
                        rs.getString("file_owner"), rs.getString("body")));
            }
        }
        return out;
    }

    private static List<String> strings(String json) throws SQLException {
        return ContentJson.strings(JdbcContentRepository.tree(json));
    }
}
