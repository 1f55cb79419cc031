/** The narrow database client masking and the coverage check need (a pg `Client` or `PoolClient` satisfies it). */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}
