package id.kypso.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.provisioning.testing.Cli;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command has help in both languages, and every option in it is described. */
class HelpTest {
    static final List<String> COMMANDS = List.of("", "office", "office create",
            "office register", "office enrollment-token", "kiosk", "kiosk create",
            "kiosk enroll", "kiosk pull-config", "kiosk rotate-key", "kiosk decommission",
            "kiosk push-export", "slip", "slip issue", "pin", "pin set", "pin check",
            "selftest");
    /**
     * An option line of the help with nothing after the option and no indented description on
     * the next line: its description is missing.
     */
    static final Pattern UNDESCRIBED = Pattern.compile(
            "(?m)^ {2,}(-\\w, )?--[\\w-]+(=\\S+)?[ \\t]*\\n(?! {10,}\\S)");

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void everyCommand_hasDescribedHelp(String language) {
        for (String command : COMMANDS) {
            String[] args = (command + " --help").strip().split(" ");

            Cli.Result result = new Cli().language(language).run(args);

            assertThat(result.code()).as(command).isZero();
            assertThat(result.out()).as(command).contains(language.equals("id") ? "Pemakaian:"
                    : "Usage:");
            assertThat(result.out()).as(command).doesNotContain("!");
            String options = result.out().substring(result.out().indexOf(
                    language.equals("id") ? "Opsi:" : "Options:"));
            assertThat(UNDESCRIBED.matcher(options).find()).as(command + "\n" + options)
                    .isFalse();
        }
    }
}
