import { describe, expect, it } from 'vitest';
import { briefingRequestUrl, briefingWindows } from '../../src/pull/briefing.js';

/** The 정책브리핑 API answers at most three days per call: a longer period is several calls. */

describe('briefingWindows', () => {
  it('covers a period in consecutive windows of three days, oldest first, the last one cut short', () => {
    expect(briefingWindows('2024-08-26', '2024-08-31')).toEqual([
      { startDate: '20240826', endDate: '20240828' },
      { startDate: '20240829', endDate: '20240831' },
    ]);
    expect(briefingWindows('2024-08-26', '2024-09-02')).toEqual([
      { startDate: '20240826', endDate: '20240828' },
      { startDate: '20240829', endDate: '20240831' },
      { startDate: '20240901', endDate: '20240902' },
    ]);
  });

  it('is one window for three days or fewer, one day included', () => {
    expect(briefingWindows('2024-08-29', '2024-08-31')).toEqual([{ startDate: '20240829', endDate: '20240831' }]);
    expect(briefingWindows('2024-08-31', '2024-08-31')).toEqual([{ startDate: '20240831', endDate: '20240831' }]);
  });

  it('crosses months, years and a leap day', () => {
    expect(briefingWindows('2023-12-30', '2024-01-04')).toEqual([
      { startDate: '20231230', endDate: '20240101' },
      { startDate: '20240102', endDate: '20240104' },
    ]);
    expect(briefingWindows('2024-02-28', '2024-03-01')).toEqual([{ startDate: '20240228', endDate: '20240301' }]);
  });

  it('covers every day exactly once over a long period', () => {
    const windows = briefingWindows('2024-01-01', '2024-12-31');
    expect(windows).toHaveLength(122);
    expect(windows[0]?.startDate).toBe('20240101');
    expect(windows.at(-1)?.endDate).toBe('20241231');
  });

  it('is empty for a period that ends before it starts, or dates that are not real', () => {
    expect(briefingWindows('2024-09-01', '2024-08-31')).toEqual([]);
    expect(briefingWindows('2024-02-30', '2024-03-01')).toEqual([]);
  });
});

describe('briefingRequestUrl', () => {
  const endpoint = 'https://apis.data.go.kr/1371000/pressReleaseService/pressReleaseList';
  const window = { startDate: '20240826', endDate: '20240828' };

  it('encodes a decoded data.go.kr key (+, / and =) once', () => {
    const url = briefingRequestUrl(endpoint, 'AbC+dEf/GhI==', window);
    expect(url).toBe(`${endpoint}?serviceKey=AbC%2BdEf%2FGhI%3D%3D&startDate=20240826&endDate=20240828`);
    expect(new URL(url).searchParams.get('serviceKey')).toBe('AbC+dEf/GhI==');
  });

  it('takes the encoded form of the same key to the same address, not encoding it twice', () => {
    expect(briefingRequestUrl(endpoint, 'AbC%2BdEf%2FGhI%3D%3D', window)).toBe(briefingRequestUrl(endpoint, 'AbC+dEf/GhI==', window));
    expect(briefingRequestUrl(endpoint, ' AbC%2bdEf%2fGhI%3d%3d\n', window)).toBe(briefingRequestUrl(endpoint, 'AbC+dEf/GhI==', window));
  });

  it('keeps what the endpoint\'s own query holds (a test server, a proxy)', () => {
    expect(briefingRequestUrl('http://127.0.0.1:8080/briefing?tenant=a', 'k', window)).toBe('http://127.0.0.1:8080/briefing?tenant=a&serviceKey=k&startDate=20240826&endDate=20240828');
  });
});
