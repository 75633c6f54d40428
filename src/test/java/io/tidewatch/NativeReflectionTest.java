package io.tidewatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The native image only serializes what is registered for reflection. Quarkus registers the types in REST method
 * signatures by itself; everything else that reaches Jackson (JSON columns, audit and timeline details, webhook
 * bodies, entities inside a {@code Response}) must be listed in META-INF/native-image/.../reflect-config.json or carry
 * {@code @RegisterForReflection}.
 * <p>
 * Bytecode does not tell which type flows into {@code writeValueAsString(Object)} or {@code Response.ok(Object)}, so
 * every class that calls one of them is listed below with the application types it hands over. A new call site fails
 * this test until it is listed (and its types registered); a type's records, fields and type arguments are followed.
 */
class NativeReflectionTest {

    private static final String REFLECT_CONFIG = "META-INF/native-image/io.tidewatch/tidewatch/reflect-config.json";
    private static final String REGISTER = "io.quarkus.runtime.annotations.RegisterForReflection";

    /** Every class in main code that hands objects to Jackson outside a REST method signature, and their types. */
    private static final Map<String, List<String>> SERIALIZING = Map.ofEntries(
            Map.entry("io.tidewatch.account.AccountResource", List.of("io.tidewatch.account.AccountResource$AccountJson")),
            Map.entry("io.tidewatch.audit.AuditPages", List.of("io.tidewatch.audit.AuditPages$AuditPageJson")),
            Map.entry("io.tidewatch.branding.BrandingResource", List.of()),
            Map.entry("io.tidewatch.campaign.CampaignDelivery", List.of()),
            Map.entry("io.tidewatch.campaign.CampaignResource", List.of()),
            Map.entry("io.tidewatch.campaign.internal.Snapshot", List.of("io.tidewatch.campaign.internal.Snapshot")),
            Map.entry("io.tidewatch.console.CampaignsResource", List.of()),
            Map.entry("io.tidewatch.console.ConsolePages", List.of()),
            Map.entry("io.tidewatch.group.GroupImportResource", List.of("io.tidewatch.platform.web.Envelope",
                    "io.tidewatch.group.CsvTargets$RowError", "io.tidewatch.group.TargetJson")),
            Map.entry("io.tidewatch.group.GroupResource", List.of("io.tidewatch.group.GroupView")),
            Map.entry("io.tidewatch.imap.ImapResource", List.of("io.tidewatch.platform.web.Envelope")),
            Map.entry("io.tidewatch.impersonation.ImpersonationResource",
                    List.of("io.tidewatch.impersonation.ImpersonationResource$ImpersonationJson")),
            Map.entry("io.tidewatch.impersonation.ImpersonationService", List.of()),
            Map.entry("io.tidewatch.landingpage.PageResource", List.of("io.tidewatch.landingpage.PageView")),
            Map.entry("io.tidewatch.organization.MemberResource",
                    List.of("io.tidewatch.organization.MemberResource$MemberJson")),
            Map.entry("io.tidewatch.organization.OrganizationExporter", List.of()),
            Map.entry("io.tidewatch.organization.OrganizationResource",
                    List.of("io.tidewatch.organization.OrganizationResource$OrganizationJson")),
            Map.entry("io.tidewatch.phishdoor.PhishHandler", List.of()),
            Map.entry("io.tidewatch.platform.web.EnvelopeMappers", List.of("io.tidewatch.platform.web.Envelope")),
            Map.entry("io.tidewatch.platform.web.BodyLimit", List.of("io.tidewatch.platform.web.Envelope")),
            Map.entry("io.tidewatch.report.CampaignResultsCsvResource", List.of()),
            Map.entry("io.tidewatch.report.ReportResource", List.of("io.tidewatch.report.ExecutiveReportView")),
            Map.entry("io.tidewatch.sendingprofile.SendingProfileResource",
                    List.of("io.tidewatch.sendingprofile.ProfileView")),
            Map.entry("io.tidewatch.session.Pages", List.of()),
            Map.entry("io.tidewatch.template.TemplateResource", List.of("io.tidewatch.template.TemplateView")),
            Map.entry("io.tidewatch.webhook.WebhookResource", List.of("io.tidewatch.webhook.WebhookView")));

    private static final Set<String> JACKSON_CALLS = Set.of("writeValue", "writeValueAsString", "writeValueAsBytes",
            "readValue", "readValues", "convertValue", "treeToValue", "valueToTree", "readerFor", "writerFor");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tidewatch");

    @Test
    void everyClassThatSerializesOutsideRestSignaturesIsListed() {
        Set<String> callers = MAIN.stream().filter(NativeReflectionTest::serializes)
                .map(c -> topLevel(c).getName()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(callers).as("classes handing objects to Jackson or to a Response; list new ones in SERIALIZING")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(SERIALIZING.keySet()));
    }

    @Test
    void everyTypeTheyHandOverIsRegisteredForReflection() throws IOException {
        Set<String> registered = registered();
        Set<String> needed = new TreeSet<>();
        SERIALIZING.values().forEach(types -> types.forEach(name -> reachable(load(name), needed)));

        assertThat(registered).as("types registered for reflection in the native image").containsAll(needed);
    }

    @Test
    void theReflectionConfigurationNamesOnlyExistingTypes() throws IOException {
        for (String name : configured()) {
            assertThat(load(name)).as(name).isNotNull();
        }
    }

    private static boolean serializes(JavaClass c) {
        return c.getMethodCallsFromSelf().stream().anyMatch(NativeReflectionTest::handsOver);
    }

    private static boolean handsOver(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        if (owner.startsWith("com.fasterxml.jackson.databind.Object")) {
            return JACKSON_CALLS.contains(name);
        }
        if (owner.equals("jakarta.ws.rs.core.Response$ResponseBuilder")) {
            return name.equals("entity");
        }
        return owner.equals("jakarta.ws.rs.core.Response") && name.equals("ok")
                && !call.getTarget().getRawParameterTypes().isEmpty();
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** {@code type} and every application type Jackson meets below it. */
    private static void reachable(Class<?> type, Set<String> seen) {
        Deque<Type> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            Type next = todo.pop();
            if (next instanceof ParameterizedType p) {
                todo.push(p.getRawType());
                todo.addAll(List.of(p.getActualTypeArguments()));
            } else if (next instanceof GenericArrayType a) {
                todo.push(a.getGenericComponentType());
            } else if (next instanceof Class<?> c && c.isArray()) {
                todo.push(c.getComponentType());
            } else if (next instanceof Class<?> c && c.getName().startsWith("io.tidewatch.") && seen.add(c.getName())) {
                if (c.isRecord()) {
                    for (RecordComponent component : c.getRecordComponents()) {
                        todo.push(component.getGenericType());
                    }
                } else if (!c.isEnum()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers())) {
                            todo.push(field.getGenericType());
                        }
                    }
                }
            }
        }
    }

    private static Set<String> registered() throws IOException {
        Set<String> names = new TreeSet<>(configured());
        for (JavaClass c : MAIN) {
            if (!c.isAnnotatedWith(REGISTER)) {
                continue;
            }
            JavaAnnotation<JavaClass> annotation = c.getAnnotationOfType(REGISTER);
            Object[] targets = (Object[]) annotation.get("targets").orElse(new Object[0]);
            if (targets.length == 0) {
                names.add(c.getName());
            }
            for (Object target : targets) {
                names.add(((JavaClass) target).getName());
            }
        }
        return names;
    }

    private static Set<String> configured() throws IOException {
        try (InputStream in = NativeReflectionTest.class.getClassLoader().getResourceAsStream(REFLECT_CONFIG)) {
            assertThat(in).as(REFLECT_CONFIG).isNotNull();
            Set<String> names = new TreeSet<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                names.add(entry.get("name").asText());
            }
            return names;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeReflectionTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " does not exist", e);
        }
    }
}
