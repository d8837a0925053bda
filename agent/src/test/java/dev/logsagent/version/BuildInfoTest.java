package dev.logsagent.version;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class BuildInfoTest {

    /** The version the agent module inherits from its parent pom, read from the pom itself. */
    private static String pomVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        Element parent = (Element) project.getElementsByTagName("parent").item(0);
        return parent.getElementsByTagName("version").item(0).getTextContent().strip();
    }

    private static Properties properties(String version, String commit, String dirty, String date) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("commit", commit);
        p.setProperty("dirty", dirty);
        p.setProperty("date", date);
        return p;
    }

    @Test
    void currentCarriesTheValuesMavenFilteredIn() throws Exception {
        BuildInfo info = BuildInfo.current();

        assertThat(info.version()).isEqualTo(pomVersion());
        assertThat(info.commit()).matches("[0-9a-f]{10}|" + BuildInfo.UNKNOWN);
        Instant built = Instant.parse(info.buildDate());
        assertThat(built).isBetween(Instant.parse("2024-01-01T00:00:00Z"), Instant.now().plus(Duration.ofDays(1)));
    }

    @Test
    void currentDescribesTheRunningJava() {
        BuildInfo info = BuildInfo.current();

        assertThat(info.javaVersion()).isEqualTo(Runtime.version().toString());
        assertThat(info.javaVendor()).isEqualTo(System.getProperty("java.vendor"));
    }

    @Test
    void placeholdersLeftUnfilledShowAsUnknown() {
        BuildInfo info = BuildInfo.from(
                properties("0.2.0", "${git.commit.id.abbrev}", "${git.dirty}", "${build.date}"),
                Runtime.Version.parse("21.0.5+11"), "Eclipse Adoptium");

        assertThat(info.commit()).isEqualTo("unknown");
        assertThat(info.dirty()).isFalse();
        assertThat(info.buildDate()).isEqualTo("unknown");
        assertThat(info.version()).isEqualTo("0.2.0");
    }

    @Test
    void missingOrEmptyValuesShowAsUnknown() {
        BuildInfo info = BuildInfo.from(properties("", " ", "", ""), Runtime.Version.parse("21"), null);

        assertThat(info.version()).isEqualTo("unknown");
        assertThat(info.commit()).isEqualTo("unknown");
        assertThat(info.javaVendor()).isEqualTo("unknown");
        assertThat(BuildInfo.from(new Properties(), Runtime.Version.parse("21"), "x").version())
                .isEqualTo("unknown");
    }

    @Test
    void describeListsVersionCommitDateAndJava() {
        BuildInfo info = BuildInfo.from(
                properties("0.2.0", "0123456789", "true", "2025-03-04T05:06:07Z"),
                Runtime.Version.parse("21.0.5+11-LTS"), "Eclipse Adoptium");

        assertThat(info.describe()).isEqualTo("""
                logs-agent 0.2.0
                Commit: 0123456789 (with uncommitted changes)
                Built: 2025-03-04T05:06:07Z
                Java: 21.0.5+11-LTS (Eclipse Adoptium)
                """);
    }

    @Test
    void toMapHoldsTheSameFactsInOrder() {
        BuildInfo info = BuildInfo.from(
                properties("0.2.0", "0123456789", "false", "2025-03-04T05:06:07Z"),
                Runtime.Version.parse("21.0.5+11-LTS"), "Eclipse Adoptium");

        assertThat(info.toMap()).containsExactly(
                entry("version", "0.2.0"),
                entry("commit", "0123456789"),
                entry("dirty", false),
                entry("build_date", "2025-03-04T05:06:07Z"),
                entry("java_version", "21.0.5+11-LTS"),
                entry("java_vendor", "Eclipse Adoptium"));
    }
}
