/** The engine version written into every run log; a log is verified against the engine that wrote it. */
// 0.2.0: people at risk are reached progressively as the work goes on (outcomes differ from 0.1.0's)
export const ENGINE_VERSION = '0.2.0';
