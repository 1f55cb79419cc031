import { describe, expect, it } from 'vitest';
import { parseArchiveList, parseCopyScript } from './copy-plan.js';

describe('parseArchiveList', () => {
  it('keeps every entry line with its dump id and tells table data apart', () => {
    const list = parseArchiveList(`;
; Archive created at 2026-11-22 19:11:14 UTC
215; 1259 17720 TABLE public Mixed Ü postgres
3346; 0 17720 TABLE DATA public Mixed Ü postgres
3354; 0 0 SEQUENCE SET public s postgres
`);
    expect(list.map((e) => [e.id, e.tableData])).toEqual([
      [215, false],
      [3346, true],
      [3354, false],
    ]);
    expect(list[1]?.line).toBe('3346; 0 17720 TABLE DATA public Mixed Ü postgres');
  });
});

describe('parseCopyScript', () => {
  it("reads pg_restore's session settings and each entry's COPY statement", () => {
    const plan = parseCopyScript(`--
-- PostgreSQL database dump
--

\\restrict abc

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SELECT pg_catalog.set_config('search_path', '', false);

--
-- TOC entry 3346 (class 0 OID 17720)
-- Dependencies: 215
-- Data for Name: Mixed Ü; Type: TABLE DATA; Schema: public; Owner: postgres
-- File: 3346.dat
--

COPY public."Mixed Ü" (x) FROM stdin;
--
-- TOC entry 3345 (class 0 OID 17713)
-- Data for Name: t; Type: TABLE DATA; Schema: app; Owner: -
--

COPY app.t (a, b) FROM stdin;
-- Completed on 2026-11-22 19:11:15 UTC
`);
    expect(plan.setup).toEqual(['SET statement_timeout = 0;', "SET client_encoding = 'UTF8';", "SELECT pg_catalog.set_config('search_path', '', false);"]);
    expect([...plan.copies]).toEqual([
      [3346, { schema: 'public', name: 'Mixed Ü', copy: 'COPY public."Mixed Ü" (x) FROM stdin;' }],
      [3345, { schema: 'app', name: 't', copy: 'COPY app.t (a, b) FROM stdin;' }],
    ]);
  });
});
