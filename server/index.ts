/** The reference central server (README.md): the factory and what its callers need. */
export type { CentralClient, CentralServerOptions } from './config';
export { type CentralServer, createCentralServer, type RouteInfo } from './create-server';
export type { TopicChange } from './feed-events';
export type { ApplicantSimulation, SimulationOptions } from './simulate-applicants';
