export { MAX_POINTS_PER_SERIES, QueryService, type QueryServiceDeps } from './query-service.js';
export { parseCliTime, parsePromDuration, parsePromTime } from './time-params.js';
export { formatSampleValue, promData, promMatrix, type PromData, type PromPoint } from './prometheus-json.js';
