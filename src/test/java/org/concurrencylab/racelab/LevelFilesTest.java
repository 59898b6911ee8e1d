package org.concurrencylab.racelab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Level files and the index as someone adding a level writes them: a good one is read, and a
/// bad one is refused with one sentence naming the file and the problem.
class LevelFilesTest {
    private static final String GOOD = """
            {
              "id": "mine",
              "title": "Mine",
              "intro": "One sentence. Two sentences.",
              "rules": "threads",
              "language": "java",
              "shared": {"counter": 0},
              "expect": {"counter": 2},
              "programs": {
                "increment": [
                  {"line": "counter = counter + 1;", "steps": [
                    {"label": "top", "do": "load r <- counter", "jvm": ["getfield counter"]},
                    {"do": "set r <- r + 1"},
                    {"do": "store counter <- r"}
                  ]}
                ]
              },
              "threads": [{"name": "thread 1", "program": "increment"}, {"name": "thread 2", "program": "increment"}],
              "goal": {"text": "Lose one.", "reach": ["finished", "lostUpdates >= 1"]},
              "solution": {"steps": [1, 2, 1, 1, 2, 2]}
            }
            """;

    @TempDir
    Path dir;

    private static Level read(String json) throws LevelFormatException {
        return LevelReader.read("levels/mine.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String problem(String json) {
        try {
            read(json);
        } catch (LevelFormatException e) {
            assertThat(e.file()).isEqualTo("levels/mine.json");
            return e.getMessage();
        }
        throw new AssertionError("the level was read");
    }

    @Test
    void a_good_level_file_is_read_with_its_programs_and_bytecode() throws Exception {
        Level level = read(GOOD);

        assertThat(level.id()).isEqualTo("mine");
        assertThat(level.threads()).extracting(ThreadSpec::name).containsExactly("thread 1", "thread 2");
        Program program = level.threads().getFirst().program();
        assertThat(program.lines()).containsExactly(new Line("counter = counter + 1;"));
        assertThat(program.instructions().getFirst()).isEqualTo(new Instruction(new Op.Load("r", "counter"), 0,
                java.util.List.of("getfield counter"), java.util.List.of()));
        assertThat(level.solution().schedule()).containsExactly(0, 1, 0, 0, 1, 1);
        assertThat(level.expected()).containsExactly(java.util.Map.entry("counter", 2));
    }

    @Test
    void a_file_that_is_not_json_is_refused_with_where() {
        assertThat(problem("{ \"id\": \"mine\", ")).startsWith("levels/mine.json: not a level file (line 1, column ");
        assertThat(problem("[1, 2]")).startsWith("levels/mine.json: not a level file (line 1, column 1): Cannot deserialize value of type");
        assertThat(problem("")).isEqualTo("levels/mine.json: is empty");
    }

    @Test
    void unknown_duplicated_and_mistyped_fields_are_refused() {
        assertThat(problem(GOOD.replace("\"title\"", "\"titel\""))).isEqualTo("levels/mine.json: unknown field \"titel\" (the fields there: always, expect, goal, id, intro, invariants, language, programs, rules, shared, solution, "
                        + "threads, title, toggles)");
        assertThat(problem(GOOD.replace("\"jvm\":", "\"jdk\":"))).isEqualTo("levels/mine.json: unknown field \"jdk\" at programs.increment[0].steps[0] (the fields there: "
                + "do, jvm, label, python)");
        assertThat(problem(GOOD.replace("\"title\": \"Mine\",", "\"title\": \"Mine\", \"title\": \"Again\","))).contains("Duplicate field 'title'");
        assertThat(problem(GOOD.replace("{\"counter\": 0}", "{\"counter\": \"zero\"}"))).startsWith("levels/mine.json: not a level file at shared.counter");
    }

    @Test
    void missing_and_wrong_values_are_named() {
        assertThat(problem(GOOD.replace("\"title\": \"Mine\",", ""))).isEqualTo("levels/mine.json: \"title\" is missing");
        assertThat(problem(GOOD.replace("\"id\": \"mine\"", "\"id\": \"yours\"")))
                .isEqualTo("levels/mine.json: its id is \"yours\" but the file is called mine.json: a level's id is its file's name");
        assertThat(problem(GOOD.replace("\"threads\",", "\"processes\",")))
                .isEqualTo("levels/mine.json: rules must be \"threads\" or \"event-loop\", not \"processes\"");
        assertThat(problem(GOOD.replace("\"java\"", "\"rust\""))).isEqualTo("levels/mine.json: language must be java or python, not \"rust\"");
        assertThat(problem(GOOD.replace(", {\"name\": \"thread 2\", \"program\": \"increment\"}", "")))
                .isEqualTo("levels/mine.json: a level has 2 to 4 threads, this one has 1");
        assertThat(problem(GOOD.replace("\"program\": \"increment\"}]", "\"program\": \"decrement\"}]")))
                .isEqualTo("levels/mine.json: thread 2 runs program decrement, which is not under \"programs\" (they are: increment)");
        assertThat(problem(GOOD.replace("\"solution\": {\"steps\": [1, 2, 1, 1, 2, 2]}", "\"solution\": {\"steps\": [1, 3]}")))
                .isEqualTo("levels/mine.json: the solution's steps are thread numbers from 1 to 2, not 3");
    }

    @Test
    void a_bad_step_is_refused_with_its_program_line_and_step() {
        assertThat(problem(GOOD.replace("set r <- r + 1", "set r <- r * 2")))
                .isEqualTo("levels/mine.json: program increment, line 1 (\"counter = counter + 1;\"), step 2: \"set r <- r * 2\" is not a set: "
                        + "write it like set r <- r + 1");
        assertThat(problem(GOOD.replace("store counter <- r", "goto bottom")))
                .isEqualTo("levels/mine.json: program increment, line 1 (\"counter = counter + 1;\"), step 3: \"goto bottom\" jumps to bottom, "
                        + "which is no label of the program (its labels: end, top)");
        assertThat(problem(GOOD.replace("store counter <- r", "store count <- r")))
                .isEqualTo("levels/mine.json: thread 1: \"store count <- r\": count is not a shared variable (the shared variables: counter)");
        assertThat(problem(GOOD.replace("{\"do\": \"set r <- r + 1\"}", "{\"label\": \"top\", \"do\": \"set r <- r + 1\"}")))
                .isEqualTo("levels/mine.json: program increment: two steps are labelled top");
        assertThat(problem(GOOD.replace("{\"do\": \"set r <- r + 1\"}", "{\"jvm\": []}")))
                .isEqualTo("levels/mine.json: program increment, line 1 (\"counter = counter + 1;\"), step 2: \"do\" is missing");
    }

    @Test
    void goals_toggles_and_invariants_must_name_what_the_level_has() {
        assertThat(problem(GOOD.replace("\"lostUpdates >= 1\"", "\"lost >= 1\"")))
                .isEqualTo("levels/mine.json: \"lost >= 1\": lost is neither a shared variable nor one of lostUpdates, lockWaits, casFailures, "
                        + "brokenInvariants");
        assertThat(problem(GOOD.replace("\"lostUpdates >= 1\"", "\"lost updates\"")))
                .startsWith("levels/mine.json: goal: \"lost updates\" is not a condition");
        assertThat(problem(GOOD.replace("\"line\": \"counter = counter + 1;\",", "\"line\": \"counter = counter + 1;\", \"toggle\": \"await\",")))
                .isEqualTo("levels/mine.json: program increment, line 1 (\"counter = counter + 1;\"): toggle await is not one of the level's toggles");
        assertThat(problem(GOOD.replace("\"rules\"", "\"toggles\": [{\"id\": \"await\", \"label\": \"await\"}], \"rules\"")))
                .isEqualTo("levels/mine.json: toggle await is on no line of any program");
        assertThat(problem(GOOD.replace("\"rules\"", "\"invariants\": [\"finished\"], \"rules\"")))
                .isEqualTo("levels/mine.json: invariant \"finished\" must compare a measure with a number");
    }

    @Test
    void a_catalogue_is_read_in_the_order_of_its_index() throws IOException {
        Files.writeString(dir.resolve("mine.json"), GOOD);
        Files.writeString(dir.resolve("other.json"), GOOD.replace("\"mine\"", "\"other\""));
        Files.writeString(dir.resolve(LevelCatalogue.INDEX), "# my levels\nother.json\n\nmine.json\n");

        LevelCatalogue catalogue = LevelCatalogue.read(dir);

        assertThat(catalogue.levels()).extracting(Level::id).containsExactly("other", "mine");
    }

    @Test
    void an_index_that_names_a_missing_file_twice_or_nothing_is_refused() throws IOException {
        Files.writeString(dir.resolve("mine.json"), GOOD);
        String index = dir + "/" + LevelCatalogue.INDEX;

        assertThatThrownBy(() -> LevelCatalogue.read(dir)).isInstanceOf(LevelFormatException.class)
                .hasMessage(index + ": there is no level index");
        Files.writeString(dir.resolve(LevelCatalogue.INDEX), "mine.json\nlost.json\n");
        assertThatThrownBy(() -> LevelCatalogue.read(dir)).hasMessage(index + ": line 2: there is no level file lost.json");
        Files.writeString(dir.resolve(LevelCatalogue.INDEX), "mine.json\nmine.json\n");
        assertThatThrownBy(() -> LevelCatalogue.read(dir)).hasMessage(index + ": line 2: mine.json is listed twice");
        Files.writeString(dir.resolve(LevelCatalogue.INDEX), "mine\n");
        assertThatThrownBy(() -> LevelCatalogue.read(dir)).hasMessage(index + ": line 1: \"mine\" is not the name of a level file (name.json)");
        Files.writeString(dir.resolve(LevelCatalogue.INDEX), "# nothing yet\n");
        assertThatThrownBy(() -> LevelCatalogue.read(dir)).hasMessage(index + ": the index lists no level");
    }

    @Test
    void a_bad_level_in_a_catalogue_is_named_by_its_file() throws IOException {
        Files.writeString(dir.resolve("mine.json"), GOOD.replace("\"title\": \"Mine\",", ""));
        Files.writeString(dir.resolve(LevelCatalogue.INDEX), "mine.json\n");

        assertThatThrownBy(() -> LevelCatalogue.read(dir)).isInstanceOf(LevelFormatException.class)
                .hasMessage(dir + "/mine.json: \"title\" is missing");
    }
}
