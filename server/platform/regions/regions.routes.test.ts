import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';

describe('regions API', () => {
  const t = useTestApp();
  const get = (url: string, lang = 'zh') => t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

  describe('bad input', () => {
    it('rejects a malformed code with a field error', async () => {
      const res = await get('/api/regions/43A225');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ code: '格式不正确' });
    });

    it('rejects unknown query fields and out-of-range paging', async () => {
      const res = await get('/api/regions?parent=43&pageSize=1000', 'en');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ parent: 'Unknown field', pageSize: 'Must be at most 200' });
    });

    it('answers 404 in the error shape for a well-formed code that does not exist', async () => {
      const res = await get('/api/regions/430299');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: '未找到行政区划' } });
    });
  });

  it('shows Yanling with its ancestors and its twelve township-level divisions', async () => {
    const res = await get('/api/regions/430225');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.region).toMatchObject({ code: '430225', name: '炎陵县', level: 'county', parentCode: '4302' });
    expect(body.ancestors.map((r: { name: string }) => r.name)).toEqual(['湖南省', '株洲市']);
    expect(body.children).toHaveLength(12);
    expect(body.children[0]).toMatchObject({ code: '430225100', name: '霞阳镇', kind: 'town' });
    expect(body.children.find((r: { code: string }) => r.code === '430225209')).toMatchObject({
      name: '中村瑶族乡',
      kind: 'rural_township',
    });
    expect(body.counts).toEqual({ township: 12 });
  });

  it('searches by name within a subtree, with paging', async () => {
    const res = await get('/api/regions?within=4302&level=township&q=镇&pageSize=5&page=2');
    const body = res.json();
    expect(body.pageSize).toBe(5);
    expect(body.page).toBe(2);
    expect(body.items).toHaveLength(5);
    expect(body.total).toBeGreaterThan(10);
    for (const item of body.items) {
      expect(item.code.startsWith('4302')).toBe(true);
      expect(item.name).toContain('镇');
    }
  });

  it('treats LIKE wildcards in the name filter as plain text', async () => {
    const res = await get('/api/regions?q=%25');
    expect(res.json().total).toBe(0);
  });
});
