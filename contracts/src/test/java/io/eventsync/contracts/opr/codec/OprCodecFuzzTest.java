package io.eventsync.contracts.opr.codec;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.eventsync.contracts.ofsc.OfscCheckpoint;
import io.eventsync.contracts.ofsc.OfscCheckpointSerde;
import io.eventsync.contracts.ofsc.OfscTime;
import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprPayloadException.Reason;
import io.eventsync.contracts.opr.codec.RandomOprDocuments.Kind;
import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.contracts.syncback.SyncBackProperties;
import io.eventsync.contracts.syncback.SyncBackSerde;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordSerde;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Seeded, bounded fuzzing of the contract's parsers, part of the normal suite. Every try draws
 * from {@link FuzzSeed}: a failure names its seed and try, and {@code -Dfuzz.seed=N} replays it.
 * Each parse runs under a preemptive time budget, so a hang fails one try instead of the build.
 */
class OprCodecFuzzTest {

    static final FuzzSeed SEED = FuzzSeed.fromSystemProperty();

    /** Generous: a healthy parse of these inputs takes well under a millisecond once warm. */
    static final Duration TRY_BUDGET = Duration.ofSeconds(5);

    /** Sized so the class runs in well under a minute on two busy cores; more with -Dfuzz.scale. */
    private static final int MUTATION_TRIES = 600 * FuzzSeed.SCALE;
    private static final int ROUND_TRIP_TRIES = 250 * FuzzSeed.SCALE;
    private static final int LIMIT_TRIES = 30 * FuzzSeed.SCALE;
    private static final int GENERATED_SEEDS = 4;

    /** RFC 6901: empty, or segments each starting with '/' in which '~' appears only as ~0 or ~1. */
    private static final Pattern JSON_POINTER = Pattern.compile("(/([^~/]|~[01])*)*");

    /** Small limits, so inputs just past them stay cheap to build and to refuse. */
    private static final OprLimits SMALL = new OprLimits(16, 4_096, 64 * 1024);

    private final OprCodec codec = OprCodec.withDefaults();
    private final OprCodec smallCodec = new OprCodec(SMALL);

    @BeforeAll
    static void announceSeedAndWarmUp() {
        System.out.println("OprCodecFuzzTest seed " + SEED.value() + " (replay with -D" + FuzzSeed.PROPERTY + "=)");
        // Class loading and the first mapper calls take seconds on a busy machine; not inside a timed try.
        OprCodec warm = OprCodec.withDefaults();
        for (Kind kind : Kind.values()) {
            warm.read(resource(kind.resourceName + ".json"), OprFormat.JSON, kind.expect);
            warm.read(resource(kind.resourceName + ".xml"), OprFormat.XML, kind.expect);
        }
    }

    @TestFactory
    Stream<DynamicTest> aMutatedDocumentIsReadOrRefusedWithAReasonAndAPointer() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (OprFormat format : OprFormat.values()) {
                String name = "mutated " + kind.resourceName + " " + format;
                tests.add(dynamicTest(name, () -> fuzzMutations(name, kind, format)));
            }
        }
        return tests.stream();
    }

    private void fuzzMutations(String name, Kind kind, OprFormat format) {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(resource(kind.resourceName + "." + format.name().toLowerCase(Locale.ROOT)));
        for (int i = 0; i < GENERATED_SEEDS; i++) {
            // Damage needs a valid start; XML-only text keeps real characters where U+FFFD would stand.
            RandomOprDocuments documents = new RandomOprDocuments(SEED.forTry(name + " seed", i), format == OprFormat.XML);
            seeds.add(codec.write(documents.of(kind), format));
        }
        for (int t = 0; t < MUTATION_TRIES; t++) {
            Random random = SEED.forTry(name, t);
            ByteMutations.Mutated mutated = random.nextInt(40) == 0
                    ? new ByteMutations.Mutated(randomBytes(random), List.of("random bytes"))
                    : ByteMutations.mutate(seeds.get(random.nextInt(seeds.size())), random, 4);
            // Now and then the wrong endpoint or the wrong Content-Type, as a careless client sends them.
            Expect expect = random.nextInt(5) == 0 ? other(kind.expect) : kind.expect;
            OprFormat readAs = random.nextInt(8) == 0 ? other(format) : format;
            String replay = SEED.replay(name, t);
            Function<byte[], String> check = input -> problemReading(codec, input, readAs, expect, replay);
            String problem = check.apply(mutated.bytes());
            if (problem != null) {
                failWithShrunkInput(replay, mutated, readAs, expect, check, problem);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> aGeneratedDocumentRoundTripsToAnEqualDocument() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (OprFormat format : OprFormat.values()) {
                String name = "round trip " + kind.resourceName + " " + format;
                tests.add(dynamicTest(name, () -> {
                    for (int t = 0; t < ROUND_TRIP_TRIES; t++) {
                        OprDocument document = new RandomOprDocuments(SEED.forTry(name, t)).of(kind);
                        // XML 1.0 cannot carry every character: those come back as U+FFFD, the rest exactly.
                        OprDocument expected = format == OprFormat.XML
                                ? RandomOprDocuments.asWrittenToXml(SEED.forTry(name, t)).of(kind) : document;
                        roundTrip(document, expected, kind, format, SEED.replay(name, t));
                    }
                }));
            }
        }
        return tests.stream();
    }

    private void roundTrip(OprDocument document, OprDocument expected, Kind kind, OprFormat format, String replay) {
        byte[] written;
        try {
            written = codec.write(document, format);
        } catch (RuntimeException refused) {
            fail(replay + ": " + format + " writer refused a valid document: " + describe(refused)
                    + "\ndocument " + document, refused);
            return;
        }
        Object read = boundedRead(codec, written, format, kind.expect, replay);
        if (!expected.equals(read)) {
            String difference = read instanceof OprDocument
                    ? firstDifference(tree(expected), tree((OprDocument) read), "")
                    : "read threw " + describe((Throwable) read);
            fail(replay + ": " + format + " round trip changed the document; first difference " + difference
                    + "\nwritten " + ByteMutations.printable(written) + "\ndocument " + document,
                    read instanceof Throwable ? (Throwable) read : null);
        }
    }

    @TestFactory
    Stream<DynamicTest> aDeepOrHugeInputIsRefusedAsLimitExceeded() {
        return Stream.of(
                limitCase("JSON nested deeper than maxDepth", OprFormat.JSON, this::deepJson),
                limitCase("XML nested deeper than maxDepth", OprFormat.XML, this::deepXml),
                limitCase("JSON string longer than maxStringLength", OprFormat.JSON,
                        r -> utf8("{\"id\":\"a\",\"" + field(r) + "\":\"" + longText(r) + "\"}")),
                limitCase("XML text longer than maxStringLength", OprFormat.XML, r -> {
                    String field = field(r);
                    return utf8("<event><id>a</id><" + field + ">" + longText(r) + "</" + field + "></event>");
                }),
                limitCase("XML attribute longer than maxStringLength", OprFormat.XML,
                        r -> utf8("<event a=\"" + longText(r) + "\"><id>a</id></event>")),
                limitCase("JSON document longer than maxDocumentLength", OprFormat.JSON, r -> bigDocument(r, OprFormat.JSON)),
                limitCase("XML document longer than maxDocumentLength", OprFormat.XML, r -> bigDocument(r, OprFormat.XML)));
    }

    private DynamicTest limitCase(String name, OprFormat format, Function<Random, byte[]> input) {
        return dynamicTest(name, () -> {
            for (int t = 0; t < LIMIT_TRIES; t++) {
                String replay = SEED.replay(name, t);
                byte[] document = input.apply(SEED.forTry(name, t));
                Object outcome = boundedRead(smallCodec, document, format, Expect.EVENTS, replay);
                boolean refusedAsLimit = outcome instanceof OprPayloadException
                        && ((OprPayloadException) outcome).reason() == Reason.LIMIT_EXCEEDED
                        && JSON_POINTER.matcher(((OprPayloadException) outcome).pointer()).matches();
                if (!refusedAsLimit) {
                    fail(replay + ": expected LIMIT_EXCEEDED for " + SMALL + " but got "
                            + (outcome instanceof Throwable ? describe((Throwable) outcome) : "a document")
                            + "\ninput (" + document.length + " bytes) starts " + ByteMutations.printable(
                                    Arrays.copyOf(document, Math.min(300, document.length))),
                            outcome instanceof Throwable ? (Throwable) outcome : null);
                }
            }
        });
    }

    /** Nesting past the limit at a random place: top level, a model field, an unknown member, a list item. */
    private byte[] deepJson(Random random) {
        int depth = SMALL.maxDepth() + 1 + random.nextInt(random.nextBoolean() ? 40 : 20_000);
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean array = random.nextBoolean();
            open.append(array ? "[" : "{\"k\":");
            close.append(array ? ']' : '}');
        }
        String deep = open + "1" + close.reverse();
        String[] places = {deep, "{\"id\":\"a\",\"x_future\":" + deep + "}",
                "{\"id\":\"a\",\"related_ci\":{\"configuration_item\":" + deep + "}}",
                "{\"event\":[{\"id\":\"a\"}," + deep + "]}",
                "{\"event_list\":{\"event\":[{\"id\":\"a\",\"title\":" + deep + "}]}}"};
        return utf8(places[random.nextInt(places.length)]);
    }

    private byte[] deepXml(Random random) {
        int depth = SMALL.maxDepth() + 1 + random.nextInt(random.nextBoolean() ? 40 : 20_000);
        String element = random.nextBoolean() ? "x" : "annotation_list";
        String deep = ("<" + element + ">").repeat(depth) + "v" + ("</" + element + ">").repeat(depth);
        String[] places = {"<event><id>a</id>" + deep + "</event>",
                "<event_list><event><id>a</id><related_ci>" + deep + "</related_ci></event></event_list>",
                "<event><custom_attribute_list><custom_attribute><value>" + deep
                        + "</value></custom_attribute></custom_attribute_list></event>"};
        return utf8(places[random.nextInt(places.length)]);
    }

    /** Every text short and the nesting shallow: only the total length is past its limit. */
    private byte[] bigDocument(Random random, OprFormat format) {
        List<OprEvent> events = new ArrayList<>();
        long target = SMALL.maxDocumentLength() + 1 + random.nextInt(4096);
        long titles = 0;
        byte[] written = new byte[0];
        while (written.length < target) {
            while (titles < target) {
                OprEvent event = OprEvent.of("id-" + events.size(),
                        "t".repeat(1 + random.nextInt(SMALL.maxStringLength() / 2)), null);
                events.add(event);
                titles += event.title().length();
            }
            written = codec.write(new OprEventList(events), format);
            titles = written.length;
        }
        return written;
    }

    private static String longText(Random random) {
        return "y".repeat(SMALL.maxStringLength() + 1 + random.nextInt(20_000));
    }

    private static String field(Random random) {
        String[] fields = {"title", "description", "original_data", "x_unknown"};
        return fields[random.nextInt(fields.length)];
    }

    /** OFSC's time format and the Kafka serdes: cheap neighbours of the codec, fuzzed the same way. */
    @Nested
    class OtherContractParsers {

        private static final int TRIES = 1_500 * FuzzSeed.SCALE;

        @Test
        void ofscTimeNeverThrowsAndWritesBackExactlyWhatItAccepted() {
            String name = "OfscTime.parse";
            for (int t = 0; t < TRIES; t++) {
                Random random = SEED.forTry(name, t);
                String text = random.nextInt(4) == 0 ? new RandomOprDocuments(random).text()
                        : new String(ByteMutations.mutate(utf8(OfscTime.format(instant(random))), random, 2).bytes(),
                                StandardCharsets.UTF_8);
                String replay = SEED.replay(name, t);
                Object outcome = bounded(() -> replay, () -> OfscTime.parse(text));
                if (outcome instanceof Throwable) {
                    fail(replay + ": OfscTime.parse threw on " + quoted(text), (Throwable) outcome);
                }
                Optional<?> parsed = (Optional<?>) outcome;
                if (parsed.isPresent() && !OfscTime.format((Instant) parsed.get()).equals(text)) {
                    fail(replay + ": " + quoted(text) + " parsed to " + parsed.get() + ", which formats as "
                            + quoted(OfscTime.format((Instant) parsed.get())));
                }
            }
        }

        @Test
        void ofscTimeFormatThenParseIsTheSameSecond() {
            String name = "OfscTime.format";
            for (int t = 0; t < TRIES; t++) {
                Instant instant = instant(SEED.forTry(name, t));
                Optional<Instant> back = OfscTime.parse(OfscTime.format(instant));
                if (!back.equals(Optional.of(instant.truncatedTo(ChronoUnit.SECONDS)))) {
                    fail(SEED.replay(name, t) + ": " + instant + " formatted as " + quoted(OfscTime.format(instant))
                            + " parsed back as " + back);
                }
            }
        }

        @Test
        void mutatedCheckpointIsReadOrRefusedAsSerializationException() {
            OfscCheckpointSerde serde = new OfscCheckpointSerde();
            fuzzDeserializer("OfscCheckpointSerde", serde.deserializer(), random -> {
                RandomOprDocuments values = new RandomOprDocuments(random);
                return serde.serializer().serialize("ofsc.checkpoints", OfscCheckpoint.of(values.text(), values.text(),
                        values.text(), values.text(), OfscTime.format(instant(random)), List.of(values.text()),
                        random.nextLong(), instant(random)));
            });
        }

        @Test
        void mutatedSyncBackChangeIsReadOrRefusedAsSerializationException() {
            SyncBackSerde serde = new SyncBackSerde();
            fuzzDeserializer("SyncBackSerde", serde.deserializer(), random -> {
                RandomOprDocuments values = new RandomOprDocuments(random);
                OprEvent event = values.event();
                return serde.write(SyncBackChange.of(values.text(), values.text(), new SyncBackProperties(event.state(),
                        event.severity(), event.priority(), event.title(), event.description(), event.assignedUser(),
                        event.assignedGroup(), event.customAttributeList() == null ? null
                                : event.customAttributeList().customAttribute(),
                        event.annotationList() == null ? null : event.annotationList().annotation())));
            });
        }

        @Test
        void mutatedOprRecordIsReadOrRefusedAsSerializationExceptionAndAValidOneRoundTrips() {
            OprRecordSerde serde = new OprRecordSerde(codec);
            String name = "OprRecordSerde round trip";
            for (int t = 0; t < ROUND_TRIP_TRIES; t++) {
                Random random = SEED.forTry(name, t);
                OprRecord record = record(random);
                OprRecord back = serde.deserializer().deserialize("opr.events",
                        serde.serializer().serialize("opr.events", record));
                if (!record.equals(back)) {
                    fail(SEED.replay(name, t) + ": " + record + " came back as " + back);
                }
            }
            fuzzDeserializer("OprRecordSerde", serde.deserializer(),
                    random -> serde.serializer().serialize("opr.events", record(random)));
        }

        private OprRecord record(Random random) {
            RandomOprDocuments values = new RandomOprDocuments(random);
            Instant receivedAt = instant(random);
            if (random.nextBoolean()) {
                OprEvent event = values.event();
                return OprRecord.ofEvent(values.text(), values.text(), receivedAt,
                        event.id() == null ? event.withId(values.text()) : event);
            }
            return OprRecord.ofChange(values.text(), values.text(), values.text(), receivedAt, values.eventChange(),
                    random.nextBoolean() ? values.event() : null);
        }

        private void fuzzDeserializer(String name, Deserializer<?> deserializer, Function<Random, byte[]> validValue) {
            for (int t = 0; t < TRIES; t++) {
                Random random = SEED.forTry(name, t);
                byte[] input = ByteMutations.mutate(validValue.apply(random), random, 4).bytes();
                String replay = SEED.replay(name, t);
                Object outcome = bounded(() -> replay, () -> deserializer.deserialize("topic", input));
                if (outcome instanceof Throwable && !(outcome instanceof SerializationException)) {
                    fail(replay + ": " + name + " threw " + describe((Throwable) outcome) + " on "
                            + ByteMutations.printable(input), (Throwable) outcome);
                }
            }
        }

        /** Four-digit years only: OFSC's format has no room for more, and none before year 0. */
        private Instant instant(Random random) {
            long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
            long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
            return Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)), random.nextInt(1_000_000_000));
        }
    }

    /**
     * What is wrong with how the codec handled {@code input}, or null when it read a document of
     * the expected kind or refused it as the contract says: an {@link OprPayloadException} with a
     * reason, a message and a JSON-pointer place.
     */
    static String problemReading(OprCodec codec, byte[] input, OprFormat format, Expect expect, String replay) {
        Object outcome = boundedRead(codec, input, format, expect, replay);
        if (outcome instanceof OprPayloadException) {
            OprPayloadException refused = (OprPayloadException) outcome;
            if (refused.reason() == null) {
                return "refused without a reason";
            }
            if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                return "refused as " + refused.reason() + " without a message";
            }
            if (!JSON_POINTER.matcher(refused.pointer()).matches()) {
                return "refused as " + refused.reason() + " at " + quoted(refused.pointer()) + ", not a JSON pointer";
            }
            return format == OprFormat.JSON ? differenceFromTreePath(codec, input, expect, outcome, replay) : null;
        }
        if (outcome instanceof Throwable) {
            return "threw " + outcome.getClass().getName();
        }
        if (outcome == null) {
            return "read returned null";
        }
        if (format == OprFormat.JSON && !wellFormedUtf8(input)) {
            return "read a document from bytes that are not well-formed UTF-8";
        }
        boolean events = outcome instanceof OprEvent || outcome instanceof OprEventList;
        boolean changes = outcome instanceof OprEventChange || outcome instanceof OprEventChangeList;
        if (expect == Expect.EVENTS ? !events : !changes) {
            return "read a " + outcome.getClass().getSimpleName() + " where " + expect + " was expected";
        }
        return format == OprFormat.JSON ? differenceFromTreePath(codec, input, expect, outcome, replay) : null;
    }

    /**
     * JSON of the usual shapes is bound straight into the model; every shape read through a tree
     * must come out the same: an equal document, or the same refusal at the same place.
     */
    private static String differenceFromTreePath(OprCodec codec, byte[] input, Expect expect, Object outcome,
                                                 String replay) {
        Object reference = bounded(() -> replay + " reading through the tree", () -> codec.readTree(input, expect));
        if (outcome instanceof OprPayloadException refused) {
            if (reference instanceof OprPayloadException expected && expected.reason() == refused.reason()
                    && expected.pointer().equals(refused.pointer())) {
                return null;
            }
            return "refused as " + refused.reason() + " at " + quoted(refused.pointer())
                    + " where the tree path gives " + describeOutcome(reference);
        }
        return outcome.equals(reference) ? null : "read a document the tree path reads as " + describeOutcome(reference);
    }

    private static String describeOutcome(Object outcome) {
        return outcome instanceof OprPayloadException refused
                ? refused.reason() + " at " + quoted(refused.pointer()) : String.valueOf(outcome);
    }

    /** The document read, or what was thrown; a parse that outlives {@link #TRY_BUDGET} fails the test. */
    static Object boundedRead(OprCodec codec, byte[] input, OprFormat format, Expect expect, String replay) {
        return bounded(() -> replay + " reading " + format + " as " + expect + ": "
                + ByteMutations.printable(Arrays.copyOf(input, Math.min(input.length, 2_000))),
                () -> codec.read(input, format, expect));
    }

    private static Object bounded(Supplier<String> what, Supplier<Object> action) {
        return assertTimeoutPreemptively(TRY_BUDGET, () -> {
            try {
                return action.get();
            } catch (Throwable thrown) {
                // StackOverflowError and OutOfMemoryError are findings too; they end this try, not the JVM.
                return thrown;
            }
        }, () -> what.get() + " took longer than " + TRY_BUDGET);
    }

    private void failWithShrunkInput(String replay, ByteMutations.Mutated mutated, OprFormat format, Expect expect,
                                     Function<byte[], String> check, String problem) {
        byte[] smallest = mutated.bytes();
        try {
            smallest = CompletableFuture.supplyAsync(() -> ByteShrinker.shrink(mutated.bytes(),
                    candidate -> problem.equals(check.apply(candidate)))).get(30, TimeUnit.SECONDS);
        } catch (Exception shrinkFailed) {
            // The unshrunk input still reproduces it; a shrink that could not finish is no reason to hide it.
        }
        Object outcome = boundedRead(codec, smallest, format, expect, replay);
        fail(replay + ": reading " + format + " as " + expect + " " + problem
                + "\nsmallest input " + ByteMutations.printable(smallest)
                + "\nmutations " + mutated.steps()
                + "\nfull input " + ByteMutations.printable(mutated.bytes()),
                outcome instanceof Throwable ? (Throwable) outcome : null);
    }

    private JsonNode tree(OprDocument document) {
        return codec.jsonMapper().readTree(codec.write(document, OprFormat.JSON));
    }

    /** The JSON pointer of the first place two trees differ, with both values there. */
    static String firstDifference(JsonNode expected, JsonNode actual, String at) {
        if (expected == null || actual == null || expected.getNodeType() != actual.getNodeType()) {
            return at + ": expected " + expected + " but was " + actual;
        }
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (!field.getValue().equals(actual.get(field.getKey()))) {
                    return firstDifference(field.getValue(), actual.get(field.getKey()), at + "/" + field.getKey());
                }
            }
            for (Iterator<String> names = actual.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    return at + "/" + name + ": expected nothing but was " + actual.get(name);
                }
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                if (!Objects.equals(expected.get(i), actual.get(i))) {
                    return firstDifference(expected.get(i), actual.get(i), at + "/" + i);
                }
            }
        } else if (!expected.equals(actual)) {
            return at + ": expected " + expected + " but was " + actual;
        }
        return at + ": equal as JSON (the difference is in Java types, e.g. Integer against Long)";
    }

    /** RFC 8259 takes nothing else; the JDK's decoder refuses overlong forms and encoded surrogates. */
    private static boolean wellFormedUtf8(byte[] input) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Expect other(Expect expect) {
        return expect == Expect.EVENTS ? Expect.EVENT_CHANGES : Expect.EVENTS;
    }

    private static OprFormat other(OprFormat format) {
        return format == OprFormat.XML ? OprFormat.JSON : OprFormat.XML;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(256)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String describe(Throwable thrown) {
        if (thrown instanceof OprPayloadException) {
            OprPayloadException refused = (OprPayloadException) thrown;
            return "OprPayloadException " + refused.reason() + " at " + quoted(refused.pointer()) + ": "
                    + refused.getMessage();
        }
        return thrown.getClass().getName() + ": " + thrown.getMessage();
    }

    private static String quoted(String text) {
        return ByteMutations.printable(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) {
        try (InputStream in = OprCodecFuzzTest.class.getResourceAsStream("/opr/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
