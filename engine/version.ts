/** The engine version written into every run log; a log is verified against the engine that wrote it. */
export const ENGINE_VERSION = '0.1.0';
