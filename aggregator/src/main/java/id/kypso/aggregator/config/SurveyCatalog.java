package id.kypso.aggregator.config;

import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.web.ProblemException;
import id.kypso.core.survey.SurveyDefinition;
import id.kypso.core.survey.SurveyDefinitions;
import id.kypso.core.survey.SurveyDefinitions.InvalidSurveyException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Survey definitions, versioned: every uploaded (id, version) is kept, because responses name
 * the version they answered, and the latest upload is the one kiosks are given. The bundled
 * default survey is stored at first start.
 */
public final class SurveyCatalog {
    private static final Logger log = LoggerFactory.getLogger(SurveyCatalog.class);

    private final Database database;
    private final Clock clock;
    private final Map<String, SurveyDefinition> cache = new ConcurrentHashMap<>();

    public SurveyCatalog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        boolean empty = database.read(connection -> Sql.queryOne(connection,
                "SELECT count(*) FROM survey_definition", rows -> rows.getLong(1))
                .orElse(0L) == 0);
        if (empty) {
            store(SurveyDefinitions.defaultSurvey());
        }
    }

    /** Validates and stores a definition, making it current; returns it. */
    public SurveyDefinition upload(byte[] json) {
        SurveyDefinition definition;
        try {
            definition = SurveyDefinitions.parse(json);
        } catch (InvalidSurveyException e) {
            throw ProblemException.unprocessable("survey definition has " + e.problems().size()
                    + " problem(s): " + e.problems().get(0)).with("problems", e.problems());
        }
        store(definition);
        return definition;
    }

    private void store(SurveyDefinition definition) {
        String body = new String(SurveyDefinitions.toJson(definition), StandardCharsets.UTF_8);
        database.inTransaction(connection -> {
            Optional<String> existing = Sql.queryOne(connection, "SELECT body FROM"
                    + " survey_definition WHERE survey_id = ? AND version = ?",
                    rows -> rows.getString(1), definition.id(), definition.version());
            if (existing.isPresent() && !existing.get().equals(body)) {
                throw ProblemException.conflict("survey " + definition.id() + " version "
                        + definition.version() + " exists with other content; raise the"
                        + " version");
            }
            Sql.update(connection, "UPDATE survey_definition SET is_current = 0");
            if (existing.isPresent()) {
                Sql.update(connection, "UPDATE survey_definition SET is_current = 1"
                        + " WHERE survey_id = ? AND version = ?", definition.id(),
                        definition.version());
            } else {
                Sql.update(connection, "INSERT INTO survey_definition (survey_id, version,"
                        + " body, uploaded_at, is_current) VALUES (?,?,?,?,1)", definition.id(),
                        definition.version(), body, clock.millis());
            }
            return null;
        });
        cache.put(key(definition.id(), definition.version()), definition);
        log.info("Survey {} version {} is now current", definition.id(), definition.version());
    }

    /** Returns the survey kiosks are given now. */
    public SurveyDefinition current() {
        String body = database.read(connection -> Sql.queryOne(connection, "SELECT body FROM"
                + " survey_definition WHERE is_current = 1", rows -> rows.getString(1)))
                .orElseThrow(() -> new IllegalStateException("no current survey definition"));
        return parseStored(body);
    }

    /** Returns a stored version, as named by a response. */
    public Optional<SurveyDefinition> find(String surveyId, int version) {
        SurveyDefinition cached = cache.get(key(surveyId, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SurveyDefinition> stored = database.read(connection -> Sql.queryOne(connection,
                "SELECT body FROM survey_definition WHERE survey_id = ? AND version = ?",
                rows -> rows.getString(1), surveyId, version)).map(SurveyCatalog::parseStored);
        stored.ifPresent(definition -> cache.put(key(surveyId, version), definition));
        return stored;
    }

    /** Summary of every stored version, newest upload first. */
    public record Version(String surveyId, int version, long uploadedAt, boolean current) {
    }

    public List<Version> versions() {
        return database.read(connection -> Sql.query(connection, "SELECT survey_id, version,"
                + " uploaded_at, is_current FROM survey_definition ORDER BY uploaded_at DESC,"
                + " survey_id, version DESC", rows -> new Version(rows.getString(1),
                        rows.getInt(2), rows.getLong(3), rows.getInt(4) == 1)));
    }

    private static SurveyDefinition parseStored(String body) {
        try {
            return SurveyDefinitions.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidSurveyException e) {
            throw new IllegalStateException("stored survey definition is invalid: "
                    + e.problems(), e);
        }
    }

    private static String key(String surveyId, int version) {
        return surveyId + "#" + version;
    }
}
