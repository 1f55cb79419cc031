import type { Child } from 'hono/jsx';

export interface PaginationProps {
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  /** The URL of a page, keeping the current filters. */
  href(page: number): string;
}

/** Previous / next links and "page N of M"; nothing when everything fits on one page. */
export function Pagination(props: PaginationProps): Child {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages === 1) return null;
  const { page } = props;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? <a href={props.href(page - 1)} rel="prev">← Previous</a> : <span aria-disabled="true">← Previous</span>}
      <span>Page {page} of {pages}</span>
      {page < pages ? <a href={props.href(page + 1)} rel="next">Next →</a> : <span aria-disabled="true">Next →</span>}
    </nav>
  );
}

/** The page number from a query value: 1 when missing or not a positive integer, at most `pages`. */
export function pageNumber(raw: string | undefined, total: number, pageSize: number): number {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const n = raw !== undefined && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), pages);
}
