package dev.underlay.automation.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    private final Templates templates = new Templates();

    @Test
    void rendersJinjaLikeSyntaxKeepingNewlines() throws TemplateProblem {
        String out = templates.render("{% for s in servers %}server {{ s }} iburst\n{% endfor %}port {{ port }}\n",
                Map.of("servers", List.of("a", "b"), "port", 123L));
        assertEquals("server a iburst\nserver b iburst\nport 123\n", out);
    }

    @Test
    void unknownParamIsAnErrorNamingIt() {
        TemplateProblem p = assertThrows(TemplateProblem.class,
                () -> templates.render("echo ok\nntpdate {{ ntp_server }}\n", Map.of()));
        assertEquals("ntp_server", p.param());
        assertEquals("unknown param ntp_server", p.getMessage());
    }

    @Test
    void optionalParamsAreTestedWithIsDefined() throws TemplateProblem {
        String t = "{% if proxy is defined %}export http_proxy={{ proxy | quote }}{% else %}none{% endif %}";
        assertEquals("none", templates.render(t, Map.of()));
        assertEquals("export http_proxy='http://p:3128'", templates.render(t, Map.of("proxy", "http://p:3128")));
    }

    @Test
    void quoteMakesEveryValueOneInertWord() throws TemplateProblem {
        assertEquals("echo '$(reboot)'", templates.render("echo {{ v | quote }}", Map.of("v", "$(reboot)")));
        assertEquals("echo ''\"'\"'; reboot #'", templates.render("echo {{ v | quote }}", Map.of("v", "'; reboot #")));
        assertEquals("echo 'a\nb'", templates.render("echo {{ v | quote }}", Map.of("v", "a\nb")));
        assertEquals("echo ''", templates.render("echo {{ v | quote }}", Map.of("v", "")));
        assertEquals("echo 42", templates.render("echo {{ v }}", Map.of("v", 42L)));
        assertEquals("echo '[\"a\",1]'", templates.render("echo {{ v | quote }}", Map.of("v", List.of("a", 1L))));
    }

    @Test
    void noAutoescapingOfShellCharacters() throws TemplateProblem {
        assertEquals("a && b > /tmp/x <y>", templates.render("{{ v }}", Map.of("v", "a && b > /tmp/x <y>")));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        TemplateProblem p = assertThrows(TemplateProblem.class, () -> templates.check("ok\n{% if x %}\nno end"));
        assertTrue(p.getMessage().startsWith("line "), p.getMessage());
    }

    @Test
    void templatesCannotIncludeFilesOrCallMethods() {
        assertThrows(TemplateProblem.class, () -> templates.render("{% include '/etc/passwd' %}", Map.of()));
        TemplateProblem p = assertThrows(TemplateProblem.class,
                () -> templates.render("{{ v.getClass().getName() }}", Map.of("v", "x")));
        assertTrue(p.getMessage().contains("getClass"), p.getMessage());
    }

    @Test
    void runawayLoopsStopAtTheRangeOrOutputLimit() throws TemplateProblem {
        TemplateProblem big = assertThrows(TemplateProblem.class, () -> templates.render(
                "{% for i in range(1, 100000000) %}x{% endfor %}", Map.of()));
        assertTrue(big.getMessage().contains("more than 100000"), big.getMessage());
        assertEquals(3, templates.render("{% for i in range(1, 3) %}x{% endfor %}", Map.of()).length());
        String wide = "x".repeat(100);
        assertThrows(TemplateProblem.class, () -> templates.render("{% for i in range(1, 100000) %}{% for j in "
                + "range(1, 100000) %}{{ w }}{% endfor %}{% endfor %}", Map.of("w", wide)));
    }
}
