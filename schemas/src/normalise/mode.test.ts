import { describe, expect, it } from 'vitest';
import type { DeliveryMode } from '../course.ts';
import { normaliseMode, normaliseModes, normalisePacing } from './mode.ts';

const modes: [string, DeliveryMode | null][] = [
  // schema.org courseMode
  ['online', 'online'],
  ['Online', 'online'],
  ['https://schema.org/Online', 'online'],
  ['https://schema.org/OnlineOnly', 'online'],
  ['onsite', 'in_person'],
  ['Onsite', 'in_person'],
  ['blended', 'blended'],
  ['MixedMode', 'blended'],
  ['https://schema.org/MixedMode', 'blended'],
  ['full-time', null],
  ['part-time', null],
  // CTDL DeliveryType
  ['deliveryType:OnlineOnly', 'online'],
  ['MOOC', 'online'],
  ['A free MOOC with an optional certificate', 'online'],
  ['deliveryType:InPerson', 'in_person'],
  ['deliveryType:BlendedDelivery', 'blended'],
  ['deliveryType:VariableSite', 'in_person'],
  ['https://purl.org/ctdl/vocabs/deliveryType/InPerson', 'in_person'],
  ['Online Only', 'online'],
  ['In Person', 'in_person'],
  ['Blended Delivery', 'blended'],
  // ELM
  ['http://data.europa.eu/snb/learning-schedule/fullTime', null],
  ['inPerson', 'in_person'],
  ['mixed', 'blended'],
  // plain English
  ['100% online', 'online'],
  ['Offline', 'in_person'],
  ['Classes can be done online and offline', 'blended'],
  ['Fully online', 'online'],
  ['Live online', 'online'],
  ['Remote', 'online'],
  ['Virtual', 'online'],
  ['Virtual classroom', 'online'],
  ['Distance learning', 'online'],
  ['E-learning', 'online'],
  ['Web-based', 'online'],
  ['Online (live sessions via Zoom)', 'online'],
  ['In-person', 'in_person'],
  ['On campus', 'in_person'],
  ['On-campus', 'in_person'],
  ['Campus-based', 'in_person'],
  ['Face-to-face', 'in_person'],
  ['Face to face', 'in_person'],
  ['F2F', 'in_person'],
  ['Classroom', 'in_person'],
  ['Classroom-based', 'in_person'],
  ['Workplace-based', 'in_person'],
  ['On-site at your workplace', 'in_person'],
  ['Residential', 'in_person'],
  ['Hybrid', 'blended'],
  ['Blended learning', 'blended'],
  ['Mixed mode', 'blended'],
  ['Online with on-campus days', 'blended'],
  ['Online or on campus', 'blended'],
  ['Online and face-to-face', 'blended'],
  ['100% online, no campus attendance', 'online'],
  ['Online – no on-campus sessions required', 'online'],
  // student-information-system class schedules (Ellucian Banner)
  ['Traditional Instructional Method', 'in_person'],
  ['Instructional Method: Traditional', 'in_person'],
  ['Online Instructional Method', 'online'],
  ['Partially at a Distance (BOR) Instructional Method', 'blended'],
  ['Fully at a Distance (BOR) Instructional Method', 'online'],
  ['Unlike a traditional course, this one is fully online', 'online'],
  // French
  ['En ligne', 'online'],
  ['À distance', 'online'],
  ['Distanciel', 'online'],
  ['Présentiel', 'in_person'],
  ['En présentiel', 'in_person'],
  ['Sur site', 'in_person'],
  ['Hybride', 'blended'],
  ['Mixte', 'blended'],
  // Spanish
  ['En línea', 'online'],
  ['A distancia', 'online'],
  ['Virtual', 'online'],
  ['Presencial', 'in_person'],
  ['Semipresencial', 'blended'],
  ['Semi-presencial', 'blended'],
  ['Híbrido', 'blended'],
  ['Mixto', 'blended'],
  // German
  ['Online-Kurs', 'online'],
  ['Fernstudium', 'online'],
  ['Präsenz', 'in_person'],
  ['Präsenzunterricht', 'in_person'],
  ['Vor Ort', 'in_person'],
  ['Hybrid', 'blended'],
  ['Präsenz- und Online-Phasen', 'blended'],
  // Portuguese
  ['A distância', 'online'],
  ['EaD', 'online'],
  ['Presencial', 'in_person'],
  ['Híbrido', 'blended'],
  ['Semipresencial', 'blended'],
  // nothing to read
  ['', null],
  ['TBC', null],
  ['Instructor-led', null],
  ['Flexible', null],
];

const pacing: [string, 'self_paced' | 'scheduled' | null][] = [
  ['Self-paced', 'self_paced'],
  ['self paced', 'self_paced'],
  ['Learn at your own pace', 'self_paced'],
  ['On demand', 'self_paced'],
  ['Start anytime', 'self_paced'],
  ['Rolling enrolment', 'self_paced'],
  ['Flexible schedule', 'self_paced'],
  ['Self-paced; no fixed schedule', 'self_paced'],
  ['Self-paced with optional live Q&A', 'self_paced'],
  ['À votre rythme', 'self_paced'],
  ['A tu propio ritmo', 'self_paced'],
  ['Im eigenen Tempo', 'self_paced'],
  ['No seu ritmo', 'self_paced'],
  ['Instructor-led on a course schedule', 'scheduled'],
  ['Instructor-paced', 'scheduled'],
  ['Instructor-led', 'scheduled'],
  ['Tutor-led', 'scheduled'],
  ['Cohort-based', 'scheduled'],
  ['Fixed start dates', 'scheduled'],
  ['Live online sessions, then self-paced revision', 'scheduled'],
  ['Synchronous', 'scheduled'],
  ['Timetabled classes', 'scheduled'],
  ['Online', null],
  ['', null],
];

describe('normaliseMode', () => {
  it.each(modes)('%j', (text, expected) => {
    expect(normaliseMode(text)).toBe(expected);
  });

  it('lists every mode a text names', () => {
    expect(normaliseModes('Online or on campus')).toEqual(['online', 'in_person']);
    expect(normaliseModes('Hybrid')).toEqual(['blended']);
    expect(normaliseModes(null)).toEqual([]);
  });
});

describe('normalisePacing', () => {
  it.each(pacing)('%j', (text, expected) => {
    expect(normalisePacing(text)).toBe(expected);
  });
});
