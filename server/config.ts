import { isValidNumberingPattern } from '../shared/appeals/numbering';

/** One registered external API client ("Client ID" + "Secret Access Key", regulation 3.3) of an organisation. */
export interface CentralClient {
  clientId: string;
  clientSecret: string;
  orgId: string;
  orgName: string;
  /** Registration index of the organisation's numbers, default 'ОГ'. */
  regIndex?: string;
  /** shared/appeals/numbering.ts pattern, default '{index}-{year}-{seq}'. */
  numberingPattern?: string;
}

export interface CentralServerOptions {
  /** Folder of the database and the file store; `null` keeps everything in memory (tests). */
  dataDir: string | null;
  clock?: () => Date;
  /** Lifetime of a bearer token, default 900 s. */
  tokenTtlSeconds?: number;
  clients: CentralClient[];
  /** Fastify's request log (authorization headers redacted); off by default. */
  logger?: boolean;
}

export const DEFAULT_REG_INDEX = 'ОГ';
export const DEFAULT_NUMBERING_PATTERN = '{index}-{year}-{seq}';
export const DEFAULT_TOKEN_TTL_SECONDS = 900;

export interface OrganisationConfig {
  id: string;
  name: string;
  regIndex: string;
  numberingPattern: string;
}

/** The organisations behind the clients (several clients may share one), checked once at start. */
export function organisationsOf(clients: readonly CentralClient[]): OrganisationConfig[] {
  const ids = new Set<string>();
  const orgs = new Map<string, OrganisationConfig>();
  for (const c of clients) {
    if (c.clientId === '' || c.clientSecret === '' || c.orgId === '') {
      throw new Error('central server: clientId, clientSecret and orgId must not be empty');
    }
    if (ids.has(c.clientId)) throw new Error(`central server: duplicate clientId «${c.clientId}»`);
    ids.add(c.clientId);
    const numberingPattern = c.numberingPattern ?? DEFAULT_NUMBERING_PATTERN;
    if (!isValidNumberingPattern(numberingPattern)) {
      throw new Error(`central server: numbering pattern «${numberingPattern}» must contain {seq}`);
    }
    if (!orgs.has(c.orgId)) {
      orgs.set(c.orgId, { id: c.orgId, name: c.orgName, regIndex: c.regIndex ?? DEFAULT_REG_INDEX, numberingPattern });
    }
  }
  return [...orgs.values()];
}
