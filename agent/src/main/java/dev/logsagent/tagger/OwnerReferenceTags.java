package dev.logsagent.tagger;

import java.util.Locale;

/**
 * Tags from a pod's owner references ({@code Kind/name}): the owner's kind and name, and the controller above it
 * when its name says so, as the Datadog Agent derives them: a ReplicaSet {@code web-5d4f} belongs to the
 * Deployment {@code web}, a Job {@code backup-28190940} to the CronJob {@code backup}.
 */
final class OwnerReferenceTags {
    /** The characters Kubernetes uses for pod-template hashes ({@code rand.SafeEncodeString}). */
    private static final String HASH_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int MIN_HASH_LENGTH = 3;

    private OwnerReferenceTags() {
    }

    static void add(EntityTagsBuilder tags, String owner) {
        int slash = owner.indexOf('/');
        if (slash <= 0 || slash == owner.length() - 1) {
            return;
        }
        String kind = owner.substring(0, slash);
        String name = owner.substring(slash + 1);
        tags.add(Cardinality.LOW, "kube_ownerref_kind", kind.toLowerCase(Locale.ROOT))
                .add(Cardinality.ORCHESTRATOR, "kube_ownerref_name", name);
        switch (kind) {
            case "Deployment" -> tags.add(Cardinality.LOW, "kube_deployment", name);
            case "ReplicaSet" -> tags.add(Cardinality.LOW, "kube_replica_set", name)
                    .add(Cardinality.LOW, "kube_deployment", deploymentOf(name));
            case "DaemonSet" -> tags.add(Cardinality.LOW, "kube_daemon_set", name);
            case "StatefulSet" -> tags.add(Cardinality.LOW, "kube_stateful_set", name);
            case "Job" -> tags.add(Cardinality.LOW, "kube_job", name)
                    .add(Cardinality.LOW, "kube_cronjob", cronJobOf(name));
            case "CronJob" -> tags.add(Cardinality.LOW, "kube_cronjob", name);
            default -> { }
        }
    }

    /** The name before a trailing pod-template hash, or null when the last part is no such hash. */
    static String deploymentOf(String replicaSet) {
        int dash = replicaSet.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        String suffix = replicaSet.substring(dash + 1);
        if (suffix.length() < MIN_HASH_LENGTH || !(allIn(suffix, HASH_ALPHABET) || allDigits(suffix))) {
            return null;
        }
        return replicaSet.substring(0, dash);
    }

    /** A CronJob names its Jobs {@code <cronjob>-<scheduled minute>}. */
    static String cronJobOf(String job) {
        int dash = job.lastIndexOf('-');
        if (dash <= 0 || dash == job.length() - 1 || !allDigits(job.substring(dash + 1))) {
            return null;
        }
        return job.substring(0, dash);
    }

    private static boolean allIn(String text, String alphabet) {
        for (int i = 0; i < text.length(); i++) {
            if (alphabet.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String text) {
        return allIn(text, "0123456789");
    }
}
