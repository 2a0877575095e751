package io.shardhome.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.filter.rules.Policy;
import io.shardhome.links.LinkConfig;
import io.shardhome.links.SiteEndpoint;
import jakarta.validation.Validation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Binding {@code shardhome.links.defaults} and per-link overrides as Spring Boot does, validation included. */
class LinkTuningTest {
    /** Like Spring Boot's validator of {@code @Validated} properties: the root type only, nested by @Valid. */
    private static final SpringValidatorAdapter VALIDATOR =
            new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()) {
                @Override
                public boolean supports(Class<?> type) {
                    return type == ShardhomeProperties.class;
                }
            };

    private static final SiteEndpoint NYC = new SiteEndpoint("nyc", "127.0.0.1", 3306, "link", "secret");
    private static final SiteEndpoint SJC = new SiteEndpoint("sjc", "127.0.0.1", 3307, "link", "secret");

    /** Binds {@code shardhome.*} from {@code properties} plus link run[0] nyc->sjc and run[1] sjc->nyc. */
    private static ShardhomeProperties bind(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(Map.of(
                "shardhome.links.run[0].source", "nyc",
                "shardhome.links.run[0].target", "sjc",
                "shardhome.links.run[1].source", "sjc",
                "shardhome.links.run[1].target", "nyc"));
        all.putAll(properties);
        return new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate(
                        "shardhome", Bindable.of(ShardhomeProperties.class), new ValidationBindHandler(VALIDATOR));
    }

    /** {@code "channels=2;policies.unknown-shard=warn"} as properties under {@code prefix}. */
    private static Map<String, String> settings(String prefix, String settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String setting : settings == null ? new String[0] : settings.split(";")) {
            String[] keyValue = setting.split("=", 2);
            properties.put(prefix + keyValue[0], keyValue[1]);
        }
        return properties;
    }

    private static LinkConfig configOf(ShardhomeProperties properties, int link) {
        ShardhomeProperties.Links links = properties.links();
        SiteEndpoint[] ends = link == 0 ? new SiteEndpoint[] {NYC, SJC} : new SiteEndpoint[] {SJC, NYC};
        return links.tuning(links.run().get(link)).linkConfig(ends[0], ends[1], "");
    }

    @Test
    void nothingConfiguredRunsLinksAsBeforeSeriallyInGroupsOf100WithEveryPolicyError() {
        LinkConfig config = configOf(bind(Map.of()), 0);

        assertThat(config).isEqualTo(LinkConfig.of(NYC, SJC, FilterPolicies.DEFAULTS, ""));
        assertThat(config.channels()).isEqualTo(1);
        assertThat(config.maxGroup()).isEqualTo(100);
        assertThat(config.policies()).isEqualTo(new FilterPolicies(Policy.ERROR, Policy.ERROR));
    }

    @ParameterizedTest(name = "defaults [{0}], run[0] [{1}]")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # defaults                                  | run[0] overrides                          | channels | max-group | unknown | wrong
                                                        |                                           | 1        | 100       | ERROR   | ERROR
            channels=4                                  |                                           | 4        | 100       | ERROR   | ERROR
                                                        | channels=2                                | 2        | 100       | ERROR   | ERROR
            channels=4                                  | channels=2                                | 2        | 100       | ERROR   | ERROR
            max-group=10                                | channels=8                                | 8        | 10        | ERROR   | ERROR
            max-group=10                                | max-group=1                               | 1        | 1         | ERROR   | ERROR
            policies.unknown-shard=warn                 |                                           | 1        | 100       | WARN    | ERROR
            policies.unknown-shard=warn                 | policies.wrong-master=drop                | 1        | 100       | WARN    | DROP
            policies.unknown-shard=warn                 | policies.unknown-shard=DROP               | 1        | 100       | DROP    | ERROR
            policies.wrong-master=accept                | policies.unknown-shard= Accept            | 1        | 100       | ACCEPT  | ACCEPT
            channels=3;policies.unknown-shard=drop      | max-group=50;policies.wrong-master=warn   | 3        | 50        | DROP    | WARN
            """)
    void aLinksOwnSettingWinsOverTheDefaultWhichWinsOverTheBuiltInValue(
            String defaults, String overrides, int channels, int maxGroup, Policy unknownShard, Policy wrongMaster) {
        Map<String, String> properties = new LinkedHashMap<>(settings("shardhome.links.defaults.", defaults));
        properties.putAll(settings("shardhome.links.run[0].", overrides));

        LinkConfig config = configOf(bind(properties), 0);

        assertThat(config.channels()).isEqualTo(channels);
        assertThat(config.maxGroup()).isEqualTo(maxGroup);
        assertThat(config.policies()).isEqualTo(new FilterPolicies(unknownShard, wrongMaster));
    }

    @Test
    void anOverrideAppliesToItsOwnLinkOnly() {
        ShardhomeProperties properties = bind(Map.of(
                "shardhome.links.defaults.channels", "2",
                "shardhome.links.run[0].channels", "4",
                "shardhome.links.run[0].policies.unknown-shard", "drop"));

        LinkConfig other = configOf(properties, 1);

        assertThat(configOf(properties, 0).channels()).isEqualTo(4);
        assertThat(other.channels()).isEqualTo(2);
        assertThat(other.policies()).isEqualTo(FilterPolicies.DEFAULTS);
    }

    @Test
    void environmentVariablesAsInComposeAndKubernetesBindToTheSameKeys() {
        Map<String, Object> environment = Map.of(
                "SHARDHOME_LINKS_RUN_0_SOURCE", "nyc",
                "SHARDHOME_LINKS_RUN_0_TARGET", "sjc",
                "SHARDHOME_LINKS_RUN_0_CHANNELS", "3",
                "SHARDHOME_LINKS_DEFAULTS_MAXGROUP", "7",
                "SHARDHOME_LINKS_DEFAULTS_POLICIES_UNKNOWNSHARD", "drop",
                "SHARDHOME_LINKS_RUN_0_POLICIES_WRONGMASTER", "warn");
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));

        ShardhomeProperties properties = binder.bindOrCreate("shardhome", ShardhomeProperties.class);

        LinkConfig config = configOf(properties, 0);
        assertThat(config.channels()).isEqualTo(3);
        assertThat(config.maxGroup()).isEqualTo(7);
        assertThat(config.policies()).isEqualTo(new FilterPolicies(Policy.DROP, Policy.WARN));
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void everyPolicyIsAcceptedAsConfigurationSpellsIt(Policy policy) {
        ShardhomeProperties properties = bind(Map.of("shardhome.links.defaults.policies.wrong-master", policy.text()));

        assertThat(configOf(properties, 0).policies().wrongMaster()).isEqualTo(policy);
    }

    @Test
    void thereIsOnePolicyKeyPerFilterPoliciesField() {
        assertThat(names(LinkTuning.Policies.class.getRecordComponents()))
                .containsExactly(names(FilterPolicies.class.getRecordComponents()));
    }

    private static String[] names(RecordComponent[] components) {
        return Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            shardhome.links.defaults.channels               | 0      | must be 1 to 64
            shardhome.links.defaults.channels               | 65     | must be 1 to 64
            shardhome.links.run[1].channels                 | 0      | must be 1 to 64
            shardhome.links.run[0].channels                 | -3     | must be 1 to 64
            shardhome.links.defaults.max-group              | 0      | must be at least 1
            shardhome.links.run[0].max-group                | -1     | must be at least 1
            shardhome.links.defaults.policies.unknown-shard | ignore | must be one of error, warn, drop, accept
            shardhome.links.defaults.policies.wrong-master  | stop   | must be one of error, warn, drop, accept
            shardhome.links.run[0].policies.unknown-shard   | dropp  | must be one of error, warn, drop, accept
            shardhome.links.run[1].policies.wrong-master    | ''     | must be one of error, warn, drop, accept
            """)
    void invalidSettingFailsBindingNamingPropertyValueAndAllowedValues(String property, String value, String allowed) {
        BindException failure = catchThrowableOfType(BindException.class, () -> bind(Map.of(property, value)));

        assertThat(failure.getCause()).isInstanceOf(BindValidationException.class);
        assertThat(((BindValidationException) failure.getCause())
                        .getValidationErrors()
                        .getAllErrors())
                .singleElement()
                .satisfies(error -> {
                    assertThat(propertyOf(error)).isEqualTo(ConfigurationPropertyName.of(property));
                    assertThat(((FieldError) error).getRejectedValue()).hasToString(value);
                    assertThat(error.getDefaultMessage()).startsWith(allowed);
                });
    }

    /** The property an error is about, as Spring Boot's failure analyzer names it (relaxed: max-group = maxGroup). */
    private static ConfigurationPropertyName propertyOf(ObjectError error) {
        return ConfigurationPropertyName.adapt(error.getObjectName() + "." + ((FieldError) error).getField(), '.');
    }

    @Test
    void startUpFailsOnAnInvalidSettingAsTheServiceBindsItsProperties() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues(
                        "shardhome.links.run[0].source=nyc",
                        "shardhome.links.run[0].target=sjc",
                        "shardhome.links.run[0].policies.unknown-shard=ignore")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(BindValidationException.class)
                        .hasMessageContaining("links.run[0].policies.unknownShard")
                        .hasMessageContaining("rejected value [ignore]")
                        .hasMessageContaining("must be one of error, warn, drop, accept"));
    }

    @EnableConfigurationProperties(ShardhomeProperties.class)
    static class PropertiesOnly {}

    @Test
    void nonNumericChannelsFailBindingNamingTheProperty() {
        BindException failure = catchThrowableOfType(
                BindException.class, () -> bind(Map.of("shardhome.links.run[0].channels", "many")));

        assertThat(failure.getProperty().getName()).hasToString("shardhome.links.run[0].channels");
        assertThat(failure.getProperty().getValue()).isEqualTo("many");
    }
}
