import sharp from 'sharp';
import { type InspectedImage, inspectImage } from '../../../platform/files/image.ts';
import type { SeededRandom } from '../../../platform/seed/random.ts';
import type { CaseHistory } from './case-history.ts';
import { uuidFrom } from './case-paths.ts';

/**
 * Demo photos. Thousands of real photos would make the demo database huge, so a dozen small synthetic
 * street scenes (shapes only, no text) are drawn once and stored on the most recent cases; older cases keep
 * their timeline without pictures, and the timeline's photo counts say what is stored. Each picture goes
 * through the real photo pipeline (inspectImage), so the rows have exactly the shape a real upload leaves.
 */

const width = 320;
const height = 240;
/** Scenes 0–7 show a problem (before), 8–11 the same kinds of street cleared (after handling). */
export const problemScenes = 8;
export const demoSceneCount = 12;

const palettes = [
  ['#8ec5e8', '#dcefff', '#9a9a96', '#c9b79c'],
  ['#a7c7dc', '#eef3f6', '#8d8f91', '#d8c8b0'],
  ['#b9d3e6', '#f4f1ea', '#a19f98', '#bfa98a'],
  ['#7fb0d8', '#cfe6f7', '#7f8285', '#cdbda5'],
];

const problems = [
  // a fruit stall on the pavement
  '<rect x="60" y="150" width="110" height="40" fill="#8b5a2b"/><polygon points="50,150 180,150 165,120 65,120" fill="#d9443a"/><circle cx="80" cy="146" r="7" fill="#f0a020"/><circle cx="97" cy="146" r="7" fill="#e8c22a"/><circle cx="114" cy="146" r="7" fill="#f0a020"/><circle cx="131" cy="146" r="7" fill="#7cbf3a"/>',
  // boxes and clutter piled by a wall
  '<rect x="40" y="160" width="40" height="35" fill="#b98a52"/><rect x="78" y="170" width="50" height="25" fill="#a67b45"/><rect x="55" y="130" width="35" height="30" fill="#c99a60"/><rect x="140" y="175" width="60" height="20" fill="#6d6d6d"/>',
  // posters stuck on a pole and a wall
  '<rect x="150" y="60" width="10" height="140" fill="#5a5a5a"/><rect x="138" y="90" width="34" height="22" fill="#fff7c8"/><rect x="140" y="118" width="30" height="18" fill="#ffffff"/><rect x="40" y="110" width="26" height="20" fill="#ffe1e1"/><rect x="72" y="104" width="26" height="20" fill="#ffffff"/>',
  // a car parked across the pavement
  '<rect x="70" y="150" width="140" height="36" rx="10" fill="#2f5d9b"/><rect x="100" y="128" width="80" height="28" rx="8" fill="#3d6fb0"/><circle cx="100" cy="188" r="12" fill="#222"/><circle cx="180" cy="188" r="12" fill="#222"/>',
  // rubbish bags and spilled waste
  '<circle cx="90" cy="180" r="18" fill="#2b2b2b"/><circle cx="118" cy="184" r="15" fill="#3a3a3a"/><circle cx="104" cy="165" r="13" fill="#1f6b3a"/><polygon points="140,195 170,185 185,197" fill="#c8c0a8"/><rect x="200" y="150" width="36" height="46" fill="#2e7d32"/>',
  // a banner hung between trees
  '<rect x="40" y="80" width="8" height="120" fill="#6b4a2b"/><rect x="250" y="80" width="8" height="120" fill="#6b4a2b"/><rect x="48" y="95" width="202" height="24" fill="#c62828"/>',
  // bicycles and scooters blocking the way
  '<circle cx="70" cy="180" r="14" fill="none" stroke="#333" stroke-width="4"/><circle cx="110" cy="180" r="14" fill="none" stroke="#333" stroke-width="4"/><circle cx="140" cy="184" r="12" fill="none" stroke="#e08a00" stroke-width="4"/><circle cx="176" cy="184" r="12" fill="none" stroke="#e08a00" stroke-width="4"/><rect x="200" y="165" width="40" height="20" rx="6" fill="#1565c0"/>',
  // open-air grill with smoke
  '<rect x="120" y="160" width="70" height="14" fill="#444"/><rect x="126" y="174" width="6" height="24" fill="#444"/><rect x="178" y="174" width="6" height="24" fill="#444"/><circle cx="150" cy="135" r="18" fill="#9e9e9e" fill-opacity="0.6"/><circle cx="165" cy="110" r="22" fill="#bdbdbd" fill-opacity="0.5"/>',
];

function scene(index: number): string {
  const [skyTop, skyBottom, road, pavement] = palettes[index % palettes.length]!;
  const buildings = [0, 1, 2, 3]
    .map(
      (b) =>
        `<rect x="${10 + b * 78}" y="${40 + ((index + b) % 3) * 12}" width="66" height="${90 - ((index + b) % 3) * 12}" fill="${['#d7ccc8', '#cfd8dc', '#e0d6c2', '#c5cae9'][(index + b) % 4]}"/>`,
    )
    .join('');
  const objects = index < problemScenes ? problems[index]! : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/></linearGradient></defs><rect width="${width}" height="${height}" fill="url(#s)"/>${buildings}<rect y="130" width="${width}" height="70" fill="${pavement}"/><rect y="200" width="${width}" height="40" fill="${road}"/>${objects}</svg>`;
}

/** The demo pictures, drawn with sharp and cleaned by the upload pipeline. */
export async function makeDemoImages(): Promise<InspectedImage[]> {
  const images: InspectedImage[] = [];
  for (let i = 0; i < demoSceneCount; i++) {
    const jpeg = await sharp(Buffer.from(scene(i)))
      .jpeg({ quality: 85 })
      .toBuffer();
    images.push(await inspectImage(jpeg));
  }
  return images;
}

export interface DemoPhoto {
  history: CaseHistory;
  id: string;
  stage: 'report' | 'handle' | 'verify';
  image: number;
  exif: { lng: number; lat: number; takenAt: Date } | null;
  uploadedAt: Date;
  uploadedBy: string | null;
  sortOrder: number;
}

/**
 * Photos for the `count` most recent cases: 1–3 with the report, one after-photo with every 处理反馈, and
 * sometimes one from the inspector at 核查; the timeline entries' photo counts are set to match. Patrol phones
 * keep their position in EXIF (read at upload), citizens' photos often do not.
 */
export function planPhotos(newestLast: readonly CaseHistory[], rng: SeededRandom, count = 200): DemoPhoto[] {
  return newestLast.slice(-count).flatMap((h) => [...reportPhotos(h, rng), ...laterPhotos(h, rng)]);
}

function reportPhotos(h: CaseHistory, rng: SeededRandom): DemoPhoto[] {
  const report = h.events[0]!;
  const n = rng.int(1, 3);
  const withExif = h.row.channel === 'patrol' || rng.chance(0.3);
  report.details = { ...report.details, photos: n };
  return Array.from({ length: n }, (_, i) => {
    const exif = withExif
      ? {
          lng: h.row.lng! + (rng.next() - 0.5) * 2e-4,
          lat: h.row.lat! + (rng.next() - 0.5) * 2e-4,
          takenAt: new Date(report.at.getTime() - rng.int(1, 10) * 60_000),
        }
      : null;
    return {
      history: h,
      id: uuidFrom(rng),
      stage: 'report' as const,
      image: rng.int(0, problemScenes - 1),
      exif,
      uploadedAt: report.at,
      uploadedBy: h.row.reporterUserId,
      sortOrder: i,
    };
  });
}

/** One after-photo per 处理反馈 (numbered on from the earlier ones, as storePhotos does), some at 核查. */
function laterPhotos(h: CaseHistory, rng: SeededRandom): DemoPhoto[] {
  const photos: DemoPhoto[] = [];
  let handled = 0;
  for (const e of h.events) {
    const stage =
      e.action === 'feedback' ? 'handle' : e.action.startsWith('verify_') && rng.chance(0.3) ? 'verify' : null;
    if (!stage) continue;
    // A failed check photographs the problem still there.
    const image =
      e.action === 'verify_fail' ? rng.int(0, problemScenes - 1) : rng.int(problemScenes, demoSceneCount - 1);
    photos.push({
      history: h,
      id: uuidFrom(rng),
      stage,
      image,
      exif: null,
      uploadedAt: e.at,
      uploadedBy: e.actorId,
      sortOrder: stage === 'handle' ? handled++ : 0,
    });
    e.details = { ...e.details, photos: 1 };
  }
  return photos;
}
