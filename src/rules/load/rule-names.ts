/** Prometheus 2.x metric names: what a recording rule may be called. */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Prometheus 2.x label names, for rule labels and annotations. */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
