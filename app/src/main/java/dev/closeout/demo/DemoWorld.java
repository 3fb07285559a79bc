package dev.closeout.demo;

import dev.closeout.postmortem.extraction.RootCause;
import dev.closeout.team.DuePolicy;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The organisation demo incidents happen in: teams with their people, services and due-date policies,
 * and for every service the root causes it keeps running into. Services are hit unevenly (a few often,
 * most rarely), as in any company, and each has two habitual causes, so the same cause recurs.
 */
final class DemoWorld {

    /** A team as the generator knows it; {@code id} is filled in once the team is stored. */
    record DemoTeam(String key, String name, String defaultOwner, String jiraProject, List<String> people,
                    List<String> services, DuePolicy policy) {
    }

    /** A root-cause class of the taxonomy. */
    record Cause(String component, String trigger) {
    }

    /** A service, the team owning it (null for none) and the causes it keeps running into. */
    record DemoService(String name, @Nullable DemoTeam team, List<Cause> habits) {
    }

    /** The global due-date policy of application.yml's defaults. */
    static final DuePolicy GLOBAL_POLICY = new DuePolicy(28, 56, Map.of());

    private static final double HABIT_SHARE = 0.5;

    private final List<DemoTeam> teams;
    private final List<DemoService> services;
    private final double[] cumulativeWeights;
    private final Weighted<String> components = new Weighted<>(DemoVocabulary.COMPONENT_WEIGHTS);
    private final Weighted<String> triggers = new Weighted<>(DemoVocabulary.TRIGGER_WEIGHTS);

    private DemoWorld(List<DemoTeam> teams, List<DemoService> services, double[] cumulativeWeights) {
        this.teams = teams;
        this.services = services;
        this.cumulativeWeights = cumulativeWeights;
    }

    static DemoWorld of(int teamCount, long seed) {
        checkTaxonomy();
        SplittableRandom random = new SplittableRandom(seed);
        List<DemoTeam> teams = new ArrayList<>();
        Set<String> people = new LinkedHashSet<>();
        for (int index = 0; index < teamCount; index++) {
            teams.add(team(index, random, people));
        }
        List<DemoService> services = new ArrayList<>();
        DemoWorld draft = new DemoWorld(teams, services, new double[0]);
        for (DemoTeam team : teams) {
            team.services().forEach(name -> services.add(new DemoService(name, team, draft.habits(random))));
        }
        DemoVocabulary.UNOWNED_SERVICES.forEach(name -> services.add(new DemoService(name, null, draft.habits(random))));
        // how often each service has an incident: a Zipf-like share over the services in a random order
        List<Integer> ranks = new ArrayList<>();
        for (int rank = 0; rank < services.size(); rank++) {
            ranks.add(rank);
        }
        Collections.shuffle(ranks, new Random(random.nextLong()));
        double[] cumulative = new double[services.size()];
        double total = 0;
        for (int index = 0; index < services.size(); index++) {
            total += 1 / Math.pow(ranks.get(index) + 1, 0.7);
            cumulative[index] = total;
        }
        return new DemoWorld(List.copyOf(teams), List.copyOf(services), cumulative);
    }

    List<DemoTeam> teams() {
        return teams;
    }

    List<DemoService> services() {
        return services;
    }

    DemoService drawService(SplittableRandom random) {
        double point = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        int index = Arrays.binarySearch(cumulativeWeights, point);
        return services.get(index >= 0 ? index : -index - 1);
    }

    /** Half the time one of the service's habitual causes (the first more often), else any cause. */
    Cause drawCause(DemoService service, SplittableRandom random) {
        if (random.nextDouble() < HABIT_SHARE) {
            return service.habits().get(random.nextDouble() < 0.65 ? 0 : 1);
        }
        return new Cause(components.draw(random), triggers.draw(random));
    }

    private List<Cause> habits(SplittableRandom random) {
        return List.of(new Cause(components.draw(random), triggers.draw(random)),
                new Cause(components.draw(random), triggers.draw(random)));
    }

    private static DemoTeam team(int index, SplittableRandom random, Set<String> taken) {
        int names = DemoVocabulary.TEAMS.size();
        String base = DemoVocabulary.TEAMS.get(index % names);
        String key = index < names ? base : base + "-" + (index / names + 1);
        String name = Character.toUpperCase(key.charAt(0)) + key.substring(1).replace('-', ' ');
        String project = key.replace("-", "").toUpperCase(Locale.ROOT);
        project = project.substring(0, Math.min(project.length(), 8));
        List<String> people = new ArrayList<>();
        int headcount = 5 + random.nextInt(5);
        while (people.size() < headcount) {
            String person = DemoVocabulary.FIRST_NAMES.get(random.nextInt(DemoVocabulary.FIRST_NAMES.size())) + "."
                    + DemoVocabulary.LAST_NAMES.get(random.nextInt(DemoVocabulary.LAST_NAMES.size()));
            if (taken.add(person)) {
                people.add(person);
            }
        }
        List<String> suffixes = new ArrayList<>(DemoVocabulary.SERVICE_SUFFIXES);
        Collections.shuffle(suffixes, new Random(random.nextLong()));
        List<String> services = suffixes.subList(0, 2 + random.nextInt(3)).stream().map(suffix -> key + "-" + suffix)
                .toList();
        DuePolicy policy = switch (index % 6) {
            case 0, 3 -> new DuePolicy(null, null, Map.of("p1", 7, "p2", 21));
            case 1 -> new DuePolicy(14, null, Map.of());
            default -> DuePolicy.INHERITED;
        };
        return new DemoTeam(key, name, key + "-oncall", project, List.copyOf(people), services, policy);
    }

    private static void checkTaxonomy() {
        if (!DemoVocabulary.COMPONENT_WEIGHTS.keySet().equals(Set.copyOf(RootCause.components()))
                || !DemoVocabulary.TRIGGER_WEIGHTS.keySet().equals(Set.copyOf(RootCause.triggers()))
                || !DemoVocabulary.CAUSES.keySet().equals(Set.copyOf(RootCause.triggers()))) {
            throw new IllegalStateException("the demo vocabulary does not cover the root-cause taxonomy");
        }
    }

    /** Draws keys in proportion to their weights, in a fixed order so a seed always draws the same. */
    static final class Weighted<T extends Comparable<T>> {

        private final List<T> keys;
        private final int[] cumulative;

        Weighted(Map<T, Integer> weights) {
            keys = weights.keySet().stream().sorted().toList();
            cumulative = new int[keys.size()];
            int total = 0;
            for (int index = 0; index < keys.size(); index++) {
                total += weights.get(keys.get(index));
                cumulative[index] = total;
            }
        }

        T draw(SplittableRandom random) {
            int point = random.nextInt(cumulative[cumulative.length - 1]);
            for (int index = 0; ; index++) {
                if (point < cumulative[index]) {
                    return keys.get(index);
                }
            }
        }
    }
}
