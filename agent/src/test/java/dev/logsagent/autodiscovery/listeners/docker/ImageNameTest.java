package dev.logsagent.autodiscovery.listeners.docker;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageNameTest {
    private static final String DIGEST = "sha256:0cb40641836c461bc97c793971d84d758371ed682042457523e4ae701efe7ec9";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
          # reference                        |name                         |registry         |repository     |short     |tag
            redis                            |redis                        |docker.io        |library/redis  |redis     |latest
            redis:7                          |redis                        |docker.io        |library/redis  |redis     |7
            docker.io/library/redis:7        |docker.io/library/redis      |docker.io        |library/redis  |redis     |7
            index.docker.io/library/redis    |index.docker.io/library/redis|docker.io        |library/redis  |redis     |latest
            docker.io/redis:7.2-alpine       |docker.io/redis              |docker.io        |library/redis  |redis     |7.2-alpine
            datadog/agent:7.50.0             |datadog/agent                |docker.io        |datadog/agent  |agent     |7.50.0
            gcr.io/datadoghq/agent:latest    |gcr.io/datadoghq/agent       |gcr.io           |datadoghq/agent|agent     |latest
            localhost:5000/x                 |localhost:5000/x             |localhost:5000   |x              |x         |latest
            localhost:5000/x:1.0             |localhost:5000/x             |localhost:5000   |x              |x         |1.0
            localhost/team/app               |localhost/team/app           |localhost        |team/app       |app       |latest
            127.0.0.1:5000/my_app__v2:v2_rc-1|127.0.0.1:5000/my_app__v2    |127.0.0.1:5000   |my_app__v2     |my_app__v2|v2_rc-1
            Registry/app                     |Registry/app                 |Registry         |app            |app       |latest
            r.example.com:443/a/c---d.e:_x   |r.example.com:443/a/c---d.e  |r.example.com:443|a/c---d.e      |c---d.e   |_x
            """)
    void splitsReferencesByDockersRules(String reference, String name, String registry, String repository,
                                        String shortName, String tag) {
        assertThat(ImageName.parse(reference))
                .isEqualTo(new ImageName(name, registry, repository, shortName, tag, ""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gcr.io/a/b/c              | gcr.io/a/b/c | gcr.io    | a/b/c         | c     | ''
            gcr.io/a/b/c              | gcr.io/a/b/c | gcr.io    | a/b/c         | c     | 1.2
            redis                     | redis        | docker.io | library/redis | redis | ''
            """)
    void keepsTheDigestAndTagOfPinnedImages(String name, String expectedName, String registry, String repository,
                                            String shortName, String tag) {
        assertThat(ImageName.parse(name + (tag.isEmpty() ? "" : ":" + tag) + "@" + DIGEST))
                .isEqualTo(new ImageName(expectedName, registry, repository, shortName, tag, DIGEST));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                          | it is empty
            sha256:0cb40641836c461bc97c793971d84d758371ed682042457523e4ae701efe7ec9 | it is an image ID
            0cb40641836c461bc97c793971d84d758371ed682042457523e4ae701efe7ec9        | it is an image ID
            Redis                                       | has the character 'R'
            redis:                                      | a tag has 1 to 128 characters
            redis:-rc                                   | the tag '-rc' has the character '-' at position 0
            redis@sha256:abc                            | the digest 'sha256:abc' is not algorithm:hex
            a//b                                        | has an empty path component
            team/-app                                   | '-app' must start and end with a lower-case letter or digit
            team/app_                                   | 'app_' must start and end with a lower-case letter or digit
            team/a._b                                   | has the separators '._' in a row
            team/a___b                                  | has the separators '___' in a row
            my_registry.io/app                          | the registry 'my_registry.io' has the character '_'
            """)
    void refusesWhatDockerRefuses(String reference, String why) {
        assertThatThrownBy(() -> ImageName.parse(reference))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid image name '" + reference + "': ")
                .hasMessageContaining(why);
    }
}
