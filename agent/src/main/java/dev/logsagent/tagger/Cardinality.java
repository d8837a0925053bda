package dev.logsagent.tagger;

/**
 * How many distinct values a tag takes across a fleet, as the Datadog tagger ranks them. Asking for a cardinality
 * gives the tags of that level and of every level below it.
 */
public enum Cardinality {
    /** Shared by many entities: image, namespace, deployment, env/service/version. */
    LOW,
    /** One value per pod or task: {@code pod_name}, {@code kube_ownerref_name}. */
    ORCHESTRATOR,
    /** One value per container: {@code container_id}, {@code container_name}. */
    HIGH
}
