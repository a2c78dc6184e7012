package id.kypso.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kypso.core.survey.SurveyDefinitions.InvalidSurveyException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SurveyDefinitionsTest {

    @Test
    void defaultSurvey_coversEverySkmElementInBothLanguages() {
        SurveyDefinition survey = SurveyDefinitions.defaultSurvey();

        Set<SkmElement> elements = survey.questions().stream().map(Question::skmElement)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SkmElement.class)));
        assertThat(elements).containsExactlyInAnyOrder(SkmElement.values());
        assertThat(survey.questions()).allSatisfy(question -> {
            assertThat(question.asnPrinciple()).isNotNull();
            assertThat(question.text("id")).isNotBlank();
            assertThat(question.text("en")).isNotBlank();
        });
    }

    @Test
    void defaultSurvey_roundTripsThroughJson() throws InvalidSurveyException {
        SurveyDefinition survey = SurveyDefinitions.defaultSurvey();

        assertThat(SurveyDefinitions.parse(SurveyDefinitions.toJson(survey))).isEqualTo(survey);
    }

    @Test
    void invalidDefinition_listsEveryProblem() {
        String json = """
                {"format":"kypso-survey/1","id":"X","version":0,"languages":["en"],
                 "scaleLabels":{"en":["a","b"]},
                 "questions":[{"id":"q","skmElement":"BIAYA_TARIF","asnPrinciple":null,
                               "text":{"en":"?"}},
                              {"id":"q","skmElement":"BIAYA_TARIF","asnPrinciple":"DELEGASI",
                               "text":{}}]}
                """;

        assertThatThrownBy(() -> SurveyDefinitions.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidSurveyException.class, e ->
                        assertThat(e.problems()).anyMatch(p -> p.startsWith("id must"))
                                .anyMatch(p -> p.startsWith("version must"))
                                .anyMatch(p -> p.startsWith("languages must include id"))
                                .anyMatch(p -> p.startsWith("scaleLabels.en"))
                                .anyMatch(p -> p.contains("asnPrinciple is missing"))
                                .anyMatch(p -> p.contains("used twice"))
                                .anyMatch(p -> p.contains("text.en is missing")));
    }

    @Test
    void unknownElementName_isRejected() {
        String json = """
                {"format":"kypso-survey/1","id":"x1","version":1,"languages":["id"],
                 "scaleLabels":{"id":["a","b","c","d"]},
                 "questions":[{"id":"q","skmElement":"U10","asnPrinciple":"DELEGASI",
                               "text":{"id":"?"}}]}
                """;

        assertThatThrownBy(() -> SurveyDefinitions.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidSurveyException.class)
                .hasMessageContaining("not a valid survey definition");
    }
}
