package id.kypso.provisioning.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.ExitCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AggregatorFailuresTest {

    static Stream<Arguments> causes() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), "aggregator.refused"),
                Arguments.of(new UnknownHostException("kypso.example"),
                        "aggregator.unknownHost"),
                Arguments.of(new SocketTimeoutException("timeout"), "aggregator.timedOut"),
                Arguments.of(new SSLHandshakeException("PKIX path"), "aggregator.tls"),
                Arguments.of(new IOException("unexpected end of stream"),
                        "aggregator.unreachable"));
    }

    @ParameterizedTest
    @MethodSource("causes")
    void unreachable_getsTheMessageOfItsCause(IOException cause, String key) {
        CliFailure failure = AggregatorFailures.of(new AggregatorException(
                "http://127.0.0.1:9", 0, cause.toString(), cause), "any.rejected");

        assertThat(failure.key()).isEqualTo(key);
        assertThat(failure.exitCode()).isEqualTo(ExitCode.AGGREGATOR_UNREACHABLE);
    }
}
