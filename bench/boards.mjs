// Deterministic boards for the benchmark: Korean titles of 20–60 characters, bodies of about
// 2–3 KB, ten departments, dates over the last years and realistic view counts. The same seed
// gives the same bytes, so runs compare like with like. Generated into a temp folder; never committed.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const WORDS = (
  '정부 디지털 플랫폼 협력 확대 추진 지원 강화 발표 개최 국제 회의 에너지 탄소 중립 수소 청정 기술 산업 ' +
  '녹색 성장 환경 보전 해양 수산 안전 재난 관리 연구 개발 성과 선정 지역 주민 청년 고용 일자리 창출 ' +
  '기업 수출 상담 교육 역량 제고 제도 개선 방향 논의 실태 조사 결과 공공 데이터 개방 서비스 혁신 ' +
  '전문가 한자리 글로벌 확산 이니셔티브 지지 배출권 시장 할당 국립공원 업무협약 체결 양성평등 문화 ' +
  '자유무역협정 발효 주년 핵심광물 건설 근로자 생활 종합 계획 예산 투자 민관 포인트제 도입 회수'
).split(' ');
const DEPARTMENTS = ['행정안전부', '환경부', '산업통상자원부', '해양수산부', '고용노동부', '기획재정부', '국토교통부', '과학기술정보통신부', '외교부', '보건복지부'];

/** mulberry32: small, fast, deterministic. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next, minChars, maxChars) {
  const target = minChars + Math.floor(next() * (maxChars - minChars + 1));
  let text = '';
  while (text.length < target) text += (text ? ' ' : '') + WORDS[Math.floor(next() * WORDS.length)];
  return text.slice(0, target).trimEnd();
}

function post(id, next, total) {
  const day = new Date(Date.UTC(2024, 8, 6) - Math.floor(((total - id) / total) * 3 * 365) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const paragraphs = [];
  let bodyLength = 0;
  const bodyTarget = 700 + Math.floor(next() * 350); // ~2–3 KB of UTF-8 Hangul
  while (bodyLength < bodyTarget) {
    const paragraph = `${sentence(next, 80, 200)}.`;
    paragraphs.push(paragraph);
    bodyLength += paragraph.length;
  }
  // A rare word, in one post of every 10,000: what search must find fast in a large archive.
  if (id % 10_000 === 0) paragraphs.push('원자력안전위원회 심의 결과를 알린다.');
  const department = DEPARTMENTS[Math.floor(next() * DEPARTMENTS.length)];
  return {
    id,
    title: sentence(next, 20, 60),
    author: '한국생산성본부',
    department,
    date,
    views: Math.floor(50 + next() * next() * 2000),
    status: next() < 0.95 ? 'published' : 'hidden',
    body: paragraphs.join('\n\n'),
    source: { agency: department, date, url: `https://www.korea.kr/briefing/pressReleaseView.do?newsId=${156_000_000 + id}` },
    createdAt: `${date}T00:00:00.000Z`,
    updatedAt: `${date}T00:00:00.000Z`,
  };
}

/** Writes a board of `count` posts (newest first, as postboard keeps it) to `path`. */
export async function writeBoard(path, count, seed = 2932) {
  const next = random(seed);
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`{\n  "schemaVersion": 1,\n  "lastId": ${count},\n  "posts": [`);
  for (let id = count; id >= 1; id--) {
    const json = JSON.stringify(post(id, next, count), null, 2).replace(/^/gm, '    ');
    await write(`${id === count ? '\n' : ',\n'}${json}`);
  }
  await write('\n  ]\n}\n');
  out.end();
  await once(out, 'finish');
}

/**
 * The same posts as writeBoard, as JSONL files of `chunk` posts each (newest first): what a
 * database board of a million posts is filled from, with `postboard import`, a chunk at a time.
 */
export async function writePostLines(prefix, count, chunk = 100_000, seed = 2932) {
  const next = random(seed);
  const files = [];
  let out;
  for (let id = count; id >= 1; id--) {
    if ((count - id) % chunk === 0) {
      if (out) {
        out.end();
        await once(out, 'finish');
      }
      const path = `${prefix}-${files.length}.jsonl`;
      files.push(path);
      out = createWriteStream(path);
    }
    if (!out.write(`${JSON.stringify(post(id, next, count))}\n`)) await once(out, 'drain');
  }
  out?.end();
  if (out) await once(out, 'finish');
  return files;
}
