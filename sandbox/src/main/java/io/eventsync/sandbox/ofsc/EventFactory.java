package io.eventsync.sandbox.ofsc;

import io.eventsync.contracts.ofsc.OfscTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes events the way an OFSC instance would send them: the generic fields of seed 003, then the
 * details objects a consumer keys on ({@code activityDetails.activityId}, {@code resourceDetails.resourceId},
 * {@code inventoryDetails.inventoryId}, {@code routeChanges}, {@code routingRunDetails}, {@code chat.chatId}...).
 *
 * <p>Entities come from small pools so many events hit the same activity or resource, and every event
 * raises its main entity's revision ({@code XA_REVISION}, {@code XR_REVISION}, {@code XI_REVISION}, ...),
 * which makes each event unique as JSON and lets a test check per-key order. Everything but {@code time}
 * follows from the seed: the same seed and the same calls give the same events.
 */
final class EventFactory {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int FIRST_ACTIVITY_ID = 4_200_001;
    private static final int FIRST_INVENTORY_ID = 9_100_001;
    private static final int FIRST_BUCKET_ID = 1_000_000;
    private static final List<String> ACTIVITY_TYPES = List.of("install", "repair", "upgrade", "maintenance", "disconnect");
    private static final List<String> INVENTORY_TYPES = List.of("ONT", "ROUTER", "SETTOPBOX", "METER", "MODEM");
    private static final List<String> DISPATCHERS = List.of("admin", "dispatcher.north", "dispatcher.south", "dispatcher.east");
    private static final List<String> TIME_SLOTS = List.of("08-10", "10-12", "12-14", "14-16", "16-18");
    private static final List<String> WORDS = List.of("customer", "asked", "for", "a", "call", "before", "arrival",
            "gate", "code", "dog", "on", "site", "replace", "faulty", "unit", "signal", "low", "in", "basement",
            "parking", "behind", "building", "ladder", "needed", "second", "visit", "fiber", "splice", "cabinet",
            "street", "meter", "reading", "confirmed", "by", "phone", "left", "message", "with", "neighbour");

    private final Random random;
    private final String[] mixTypes;
    private final int[] mixCumulative;
    private final int activities;
    private final int resources;
    private final int inventories;
    private final int extraPayloadBytes;
    private final Map<String, Integer> revisions = new HashMap<>();
    private final Activity[] activityState;
    private int routingRuns;
    private int requests;
    private int messages;
    private int links;
    private int submissions;

    /** What an activity looks like now, so successive events about it agree with each other. */
    private static final class Activity {
        int resource;
        String status = "pending";
        int dayOffset;
    }

    EventFactory(OfscSimulatorSettings settings) {
        this.random = new Random(settings.randomSeed());
        this.activities = settings.activityPoolSize();
        this.resources = settings.resourcePoolSize();
        this.inventories = settings.inventoryPoolSize();
        this.extraPayloadBytes = settings.extraPayloadBytes();
        this.mixTypes = settings.eventMix().keySet().toArray(String[]::new);
        this.mixCumulative = new int[mixTypes.length];
        int total = 0;
        for (int i = 0; i < mixTypes.length; i++) {
            total += settings.eventMix().get(mixTypes[i]);
            mixCumulative[i] = total;
        }
        this.activityState = new Activity[activities];
        for (int i = 0; i < activities; i++) {
            activityState[i] = new Activity();
            activityState[i].resource = i % resources;
            activityState[i].dayOffset = i % 7;
        }
    }

    /** One event of a type drawn from the mix, stamped {@code now}. */
    synchronized ObjectNode next(Instant now) {
        int draw = random.nextInt(mixCumulative[mixCumulative.length - 1]);
        int i = 0;
        while (mixCumulative[i] <= draw) {
            i++;
        }
        return make(mixTypes[i], now);
    }

    private ObjectNode make(String type, Instant now) {
        ObjectNode event = NODES.objectNode();
        event.put("eventType", type);
        event.put("time", OfscTime.format(now));
        if (type.endsWith("RequestCreated")) {
            request(event, type);
        } else if (type.equals("routingRun")) {
            routingRun(event, now);
        } else if (type.startsWith("activityLink")) {
            link(event);
        } else if (type.startsWith("resourcePreference")) {
            preference(event);
        } else if (type.contains("nventory")) {
            inventory(event, type);
        } else if (type.startsWith("activity")) {
            activity(event, type, now);
        } else if (type.startsWith("route")) {
            route(event, now);
        } else if (type.startsWith("resource")) {
            resource(event, type);
        } else if (type.startsWith("user")) {
            userEvent(event, type);
        } else if (type.equals("broadcastStatusUpdate")) {
            broadcast(event);
        } else if (type.equals("formSubmitted")) {
            form(event);
        } else {
            chat(event, type);
        }
        return event;
    }

    private void activity(ObjectNode event, String type, Instant now) {
        int index = random.nextInt(activities);
        Activity activity = activityState[index];
        user(event, type.startsWith("activityTravel") || type.equals("activityStarted")
                || type.equals("activityCompleted") || type.equals("activityNotDone")
                ? login(activity.resource) : pick(DISPATCHERS));
        int fromResource = activity.resource;
        String fromDate = day(now, activity.dayOffset);
        switch (type) {
            case "activityCreated", "activityReopened", "activityPreworkCreated", "activityDelayed" ->
                    activity.status = "pending";
            case "activityStarted", "activityTravelStopped" -> activity.status = "started";
            case "activityTravelStarted" -> activity.status = "enroute";
            case "activitySuspended" -> activity.status = "suspended";
            case "activityCompleted" -> activity.status = "completed";
            case "activityNotDone" -> activity.status = "notdone";
            case "activityCanceled" -> activity.status = "cancelled";
            case "activityDeleted" -> activity.status = "deleted";
            case "activityMoved" -> {
                activity.resource = otherResource(activity.resource);
                activity.dayOffset = random.nextInt(7);
            }
            default -> {
                // activityUpdated changes fields, not the status
            }
        }
        ObjectNode details = activityDetails(event, index, now);
        if (type.equals("activityUpdated")) {
            ObjectNode changes = event.putObject("activityChanges");
            switch (random.nextInt(4)) {
                case 0 -> changes.put("XA_PRIORITY", 1 + random.nextInt(5));
                case 1 -> changes.put("duration", 30 + 15 * random.nextInt(12));
                case 2 -> changes.put("timeSlot", pick(TIME_SLOTS));
                default -> changes.put("XA_CONTACT_PHONE", "+1-555-01" + (10 + random.nextInt(90)));
            }
        }
        if (type.equals("activityMoved")) {
            ObjectNode move = event.putObject("moveDetails");
            move.put("fromResourceId", resourceId(fromResource));
            move.put("toResourceId", resourceId(activity.resource));
            move.put("fromDate", fromDate);
            move.put("toDate", details.get("date").stringValue());
        }
        pad(details, "XA_NOTES");
    }

    private ObjectNode activityDetails(ObjectNode event, int index, Instant now) {
        Activity activity = activityState[index];
        ObjectNode details = event.putObject("activityDetails");
        details.put("activityId", FIRST_ACTIVITY_ID + index);
        details.put("resourceId", resourceId(activity.resource));
        details.put("apptNumber", "WO-" + (100_000 + index));
        details.put("status", activity.status);
        details.put("date", day(now, activity.dayOffset));
        details.put("activityType", ACTIVITY_TYPES.get(index % ACTIVITY_TYPES.size()));
        details.put("XA_REVISION", revise("activity:" + index));
        return details;
    }

    private void link(ObjectNode event) {
        user(event, pick(DISPATCHERS));
        int from = random.nextInt(activities);
        int to = (from + 1 + random.nextInt(Math.max(1, activities - 1))) % activities;
        links++;
        event.put("activityLinkDetails", "linkId=" + links + ";linkType=start-before;minimalInterval=0");
        ObjectNode fromDetails = event.putObject("fromActivityDetails");
        fromDetails.put("activityId", FIRST_ACTIVITY_ID + from);
        fromDetails.put("XA_REVISION", revise("activity:" + from));
        event.putObject("toActivityDetails").put("activityId", FIRST_ACTIVITY_ID + to);
        pad(fromDetails, "XA_NOTES");
    }

    private void preference(ObjectNode event) {
        user(event, pick(DISPATCHERS));
        int index = random.nextInt(activities);
        ObjectNode details = event.putObject("activityDetails");
        details.put("activityId", FIRST_ACTIVITY_ID + index);
        details.put("XA_REVISION", revise("activity:" + index));
        String kind = List.of("preferred", "required", "forbidden").get(random.nextInt(3));
        event.put("resourcePreference", resourceId(random.nextInt(resources)) + ":" + kind);
        pad(details, "XA_NOTES");
    }

    private void inventory(ObjectNode event, String type) {
        int index = random.nextInt(inventories);
        boolean resourceOwned = type.startsWith("resourceInventory");
        int resource = random.nextInt(resources);
        user(event, resourceOwned ? login(resource) : pick(DISPATCHERS));
        ObjectNode details = event.putObject("inventoryDetails");
        details.put("inventoryId", FIRST_INVENTORY_ID + index);
        details.put("inventoryType", INVENTORY_TYPES.get(index % INVENTORY_TYPES.size()));
        details.put("serialNumber", INVENTORY_TYPES.get(index % INVENTORY_TYPES.size()) + "-"
                + Integer.toHexString(0x10000000 + index * 7919).toUpperCase(Locale.ROOT));
        details.put("XI_REVISION", revise("inventory:" + index));
        if (resourceOwned) {
            details.put("resourceId", resourceId(resource));
        } else {
            event.putObject("activityDetails").put("activityId", FIRST_ACTIVITY_ID + random.nextInt(activities));
        }
        String status = switch (type) {
            case "inventoryInstalled", "inventoryUndoDeinstall" -> "installed";
            case "inventoryDeinstalled", "inventoryUndoInstall" -> "deinstalled";
            default -> null;
        };
        if (status != null || type.endsWith("Updated")) {
            ObjectNode changes = event.putObject("inventoryChanges");
            if (status != null) {
                changes.put("status", status);
            } else {
                changes.put("quantity", 1 + random.nextInt(4));
            }
        }
        pad(details, "XI_NOTES");
    }

    private void route(ObjectNode event, Instant now) {
        int resource = random.nextInt(resources);
        user(event, chance(0.5) ? login(resource) : pick(DISPATCHERS));
        String date = day(now, random.nextInt(3));
        event.put("routeDetails", "Route of " + resourceId(resource) + " on " + date);
        ObjectNode changes = event.putObject("routeChanges");
        changes.put("resourceId", resourceId(resource));
        changes.put("date", date);
        changes.put("revision", revise("route:" + resource + ":" + date));
        pad(changes, "notes");
    }

    private void routingRun(ObjectNode event, Instant now) {
        boolean manual = chance(0.5);
        user(event, manual ? "admin" : null);
        routingRuns++;
        int matched = 5 + random.nextInt(40);
        int routed = random.nextInt(matched + 1);
        ObjectNode details = event.putObject("routingRunDetails");
        details.put("routingPlan", "Bulk Routing");
        details.put("routingPlanLabel", "BulkRouting");
        details.put("routingPlanId", 1);
        details.put("result", "succeeded");
        details.put("startType", manual ? "manual" : "auto");
        details.put("type", "routing");
        details.put("resourceId", FIRST_BUCKET_ID + random.nextInt(Math.max(1, resources / 10)));
        details.put("routingRunId", 27_000 + routingRuns);
        details.put("targetDate", day(now, 0));
        details.put("numberOfDays", 1);
        details.put("routingProfile", "Routing (Region 3-5)");
        details.put("routingProfileLabel", "Routing_Region_3_5");
        details.put("routingProfileId", 1);
        details.put("routingRunDuration", 1 + random.nextInt(10));
        details.put("activitiesMatched", matched);
        details.put("activitiesRouted", routed);
        details.put("activitiesNotRouted", matched - routed);
        details.put("resourcesMatched", resources);
        details.put("resourcesUsed", 1 + random.nextInt(resources));
        details.put("averageWorkingTime", 60 + random.nextInt(300));
        details.put("averageOverTime", random.nextInt(240));
        details.put("averageTravelTime", 20 + random.nextInt(150));
        details.put("averageDownTime", random.nextInt(30));
        pad(details, "notes");
    }

    private void resource(ObjectNode event, String type) {
        user(event, pick(DISPATCHERS));
        int resource = random.nextInt(resources);
        ObjectNode details = event.putObject("resourceDetails");
        details.put("resourceId", resourceId(resource));
        details.put("name", "Technician " + (resource + 1));
        details.put("resourceType", "PR");
        details.put("XR_REVISION", revise("resource:" + resource));
        if (type.equals("resourceUpdated")) {
            ObjectNode changes = event.putObject("resourceChanges");
            if (chance(0.5)) {
                changes.put("phone", "+1-555-02" + (10 + random.nextInt(90)));
            } else {
                changes.put("XR_SKILL_LEVEL", 1 + random.nextInt(5));
            }
        }
        pad(details, "XR_NOTES");
    }

    private void userEvent(ObjectNode event, String type) {
        user(event, "admin");
        int resource = random.nextInt(resources);
        ObjectNode details = event.putObject("userDetails");
        details.put("login", login(resource));
        details.put("name", "Technician " + (resource + 1));
        details.put("XU_REVISION", revise("user:" + resource));
        if (type.equals("userUpdated")) {
            event.putObject("userChanges").put("language", chance(0.5) ? "en" : "de");
        }
        pad(details, "XU_NOTES");
    }

    private void request(ObjectNode event, String type) {
        int resource = random.nextInt(resources);
        user(event, login(resource));
        requests++;
        event.put("requestDetails", switch (type) {
            case "inventoryRequestCreated" -> "Spare part needed on site";
            case "resourceRequestCreated" -> "Second technician needed";
            default -> "Customer asked for a call before arrival";
        });
        ObjectNode changes = event.putObject("requestChanges");
        changes.put("requestId", requests);
        changes.put("resourceId", resourceId(resource));
        if (!type.equals("resourceRequestCreated")) {
            int index = random.nextInt(activities);
            ObjectNode details = event.putObject("activityDetails");
            details.put("activityId", FIRST_ACTIVITY_ID + index);
            details.put("XA_REVISION", revise("activity:" + index));
        }
        if (type.equals("inventoryRequestCreated")) {
            int index = random.nextInt(inventories);
            event.putObject("inventoryDetails").put("inventoryId", FIRST_INVENTORY_ID + index)
                    .put("inventoryType", INVENTORY_TYPES.get(index % INVENTORY_TYPES.size()));
        }
        pad(changes, "notes");
    }

    private void chat(ObjectNode event, String type) {
        int resource = random.nextInt(resources);
        user(event, login(resource));
        messages++;
        ObjectNode chat = event.putObject("chat");
        chat.put("chatId", 500 + random.nextInt(Math.max(2, resources / 2)));
        chat.put("title", "Dispatch " + (1 + resource % 4));
        if (type.equals("chatUpdated")) {
            event.putObject("participant").put("login", login(resource)).put("status", "joined")
                    .put("updateId", messages);
            return;
        }
        ObjectNode message = event.putObject("message");
        message.put("messageId", messages);
        message.put("sender", login(resource));
        if (type.equals("transactionUpdated")) {
            message.put("transactionStatus", chance(0.5) ? "accepted" : "declined");
            message.put("text", "Transfer of inventory " + (FIRST_INVENTORY_ID + random.nextInt(inventories)));
        } else {
            message.put("text", extraPayloadBytes > 0 ? text(extraPayloadBytes) : "On my way");
        }
    }

    private void broadcast(ObjectNode event) {
        user(event, pick(DISPATCHERS));
        messages++;
        ObjectNode changes = event.putObject("statusChanges");
        changes.put("broadcastId", 700 + random.nextInt(20));
        changes.put("updateId", messages);
        changes.putArray("updates").addObject().put("login", login(random.nextInt(resources))).put("status", "read");
        pad(changes, "notes");
    }

    private void form(ObjectNode event) {
        int index = random.nextInt(activities);
        user(event, login(activityState[index].resource));
        submissions++;
        event.putObject("formDetails").put("formLabel", "site_survey").put("submitId", submissions);
        ObjectNode details = event.putObject("activityDetails");
        details.put("activityId", FIRST_ACTIVITY_ID + index);
        details.put("XA_REVISION", revise("activity:" + index));
        pad(details, "XA_NOTES");
    }

    /** Some actions are the application's own, and then OFSC leaves {@code user} out (seed 003). */
    private void user(ObjectNode event, String login) {
        if (login != null && !chance(0.15)) {
            event.put("user", login);
        }
    }

    private int revise(String entity) {
        return revisions.merge(entity, 1, Integer::sum);
    }

    private int otherResource(int resource) {
        return resources == 1 ? resource : (resource + 1 + random.nextInt(resources - 1)) % resources;
    }

    private void pad(ObjectNode target, String field) {
        if (extraPayloadBytes > 0) {
            target.put(field, text(extraPayloadBytes));
        }
    }

    /** Words rather than one repeated letter, so a compressing broker sees something like real notes. */
    private String text(int length) {
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            text.append(pick(WORDS)).append(' ');
        }
        text.setLength(length);
        return text.toString();
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String resourceId(int resource) {
        return String.format("TECH-%03d", resource + 1);
    }

    private static String login(int resource) {
        return String.format("tech%03d", resource + 1);
    }

    private static String day(Instant now, int offsetDays) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(now.plus(Duration.ofDays(offsetDays)).atOffset(ZoneOffset.UTC));
    }
}
