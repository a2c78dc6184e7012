package id.kypso.core.survey;

import java.util.Map;

/**
 * A citizen's answers about one officer.
 *
 * @param stage the stage wire name, such as {@code PEREKAMAN}
 * @param served false when the citizen says this officer did not serve them; answers are then
 *     empty and the officer's scores leave this response out
 * @param answers question id to answer on the 1-4 scale
 * @param comment optional free text, at most 500 characters
 */
public record OfficerRating(String nip, String stage, boolean served,
        Map<String, Integer> answers, String comment) {

    public OfficerRating {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}
