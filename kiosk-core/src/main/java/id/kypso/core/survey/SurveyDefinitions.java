package id.kypso.core.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads, validates and writes survey definitions in their JSON form. */
public final class SurveyDefinitions {
    private static final String DEFAULT_RESOURCE = "/id/kypso/core/survey/default-survey.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private SurveyDefinitions() {
    }

    /** Parses and validates; the exception lists every problem found. */
    public static SurveyDefinition parse(byte[] json) throws InvalidSurveyException {
        SurveyDefinition definition;
        try {
            definition = MAPPER.readValue(json, SurveyDefinition.class);
        } catch (JsonProcessingException e) {
            throw new InvalidSurveyException(List.of("not a valid survey definition: "
                    + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = definition.problems();
        if (!problems.isEmpty()) {
            throw new InvalidSurveyException(problems);
        }
        return definition;
    }

    public static byte[] toJson(SurveyDefinition definition) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("survey definition cannot be written as JSON", e);
        }
    }

    /** Returns the survey that ships with KYPSO: one question per SKM element. */
    public static SurveyDefinition defaultSurvey() {
        try (InputStream in = SurveyDefinitions.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSurveyException e) {
            throw new IllegalStateException("the bundled survey definition is invalid: "
                    + e.problems(), e);
        }
    }

    /** A survey definition that failed validation. */
    public static final class InvalidSurveyException extends Exception {
        private final List<String> problems;

        public InvalidSurveyException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
