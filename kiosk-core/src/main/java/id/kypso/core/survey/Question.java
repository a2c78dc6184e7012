package id.kypso.core.survey;

import java.util.Map;

/**
 * One question of a survey definition, asked about each officer.
 *
 * @param text the question per language code ({@code id}, {@code en})
 */
public record Question(String id, SkmElement skmElement, AsnPrinciple asnPrinciple,
        Map<String, String> text) {

    public Question {
        text = text == null ? Map.of() : Map.copyOf(text);
    }

    /** Returns the text in {@code language}, falling back to Bahasa Indonesia. */
    public String text(String language) {
        return text.getOrDefault(language, text.get(SurveyDefinition.PRIMARY_LANGUAGE));
    }
}
