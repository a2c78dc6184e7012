package id.kypso.core.survey;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Survey definition version 1: the questions a kiosk asks about each officer, as data so an
 * office can follow the law as it changes. The JSON form is specified in
 * {@code docs/formats.md}; {@link SurveyDefinitions} reads and validates it.
 *
 * @param scaleLabels per language, the four labels of answers 1 to 4
 */
public record SurveyDefinition(
        String format,
        String id,
        int version,
        List<String> languages,
        Map<String, List<String>> scaleLabels,
        List<Question> questions) {

    public static final String FORMAT = "kypso-survey/1";
    public static final String PRIMARY_LANGUAGE = "id";
    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 4;

    public SurveyDefinition {
        languages = languages == null ? List.of() : List.copyOf(languages);
        scaleLabels = scaleLabels == null ? Map.of() : Map.copyOf(scaleLabels);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** Returns every problem found, empty when the definition is valid. */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        if (!FORMAT.equals(format)) {
            problems.add("format must be " + FORMAT + ", got " + format);
        }
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            problems.add("id must be 2-64 lowercase letters, digits or '-': " + id);
        }
        if (version < 1) {
            problems.add("version must be 1 or more: " + version);
        }
        if (!languages.contains(PRIMARY_LANGUAGE)) {
            problems.add("languages must include " + PRIMARY_LANGUAGE + ": " + languages);
        }
        for (String language : languages) {
            List<String> labels = scaleLabels.get(language);
            if (labels == null || labels.size() != SCALE_MAX - SCALE_MIN + 1
                    || labels.stream().anyMatch(label -> label == null || label.isBlank())) {
                problems.add("scaleLabels." + language + " must have 4 non-empty labels");
            }
        }
        if (questions.isEmpty()) {
            problems.add("questions must not be empty");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String where = "questions[" + i + "]";
            if (question.id() == null || !question.id().matches("[a-z0-9_-]{1,32}")) {
                problems.add(where + ".id must be 1-32 of a-z, 0-9, '_', '-': " + question.id());
            } else if (!ids.add(question.id())) {
                problems.add(where + ".id " + question.id() + " is used twice");
            }
            if (question.skmElement() == null) {
                problems.add(where + ".skmElement is missing");
            }
            if (question.asnPrinciple() == null) {
                problems.add(where + ".asnPrinciple is missing");
            }
            for (String language : languages) {
                String text = question.text().get(language);
                if (text == null || text.isBlank()) {
                    problems.add(where + ".text." + language + " is missing");
                }
            }
        }
        return problems;
    }

    public Question question(String questionId) {
        return questions.stream()
                .filter(question -> question.id().equals(questionId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("survey " + id + " v" + version
                        + " has no question " + questionId));
    }
}
