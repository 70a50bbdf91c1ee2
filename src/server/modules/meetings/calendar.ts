import { randomBytes } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import { meetingKindLabel, meetingModeLabel } from '../../../shared/meetingLabels';
import type { Executor } from '../../db/client';
import { type Actor, loadActor } from '../../lib/actor';
import { fieldError, notFound } from '../../lib/errors';
import * as calendarRepo from './calendarRepo';
import { feedOfNetwork, feedOfPerson } from './listRepo';
import { networkAccess, networkFacts } from './networkAccess';
import { authorize } from './policy';

/** Gets (or, with `rotate`, replaces) my own secret token of my feed or of a network's feed. */
export async function token(
  tx: Executor,
  actor: Actor,
  input: { kind: 'person' | 'network'; networkId?: string; rotate: boolean },
  publicUrl: string,
): Promise<{ token: string; url: string }> {
  let ownerId = actor.personId;
  if (input.kind === 'network') {
    if (!input.networkId) throw fieldError('networkId', 'Chọn mạng lưới');
    authorize(actor, 'network.read', await networkFacts(tx, input.networkId));
    ownerId = input.networkId;
  }
  const existing = await calendarRepo.findToken(tx, input.kind, ownerId, actor.personId);
  let value = existing?.token;
  if (!value || input.rotate) {
    value = randomBytes(24).toString('base64url');
    await calendarRepo.upsertToken(tx, input.kind, ownerId, actor.personId, value);
  }
  return { token: value, url: `${publicUrl.replace(/\/$/, '')}/api/calendar/${input.kind}/${value}.ics` };
}

/**
 * The feed's owner when the token's reader may still read it: an enabled account, and for a network feed the
 * network's read access as of today (a person who left the network is refused). Undefined otherwise.
 */
async function readableOwner(db: Executor, kind: 'person' | 'network', token: string): Promise<string | undefined> {
  const r = await calendarRepo.tokenReader(db, kind, token);
  if (!r?.accountId || r.disabledAt) return undefined;
  if (kind === 'person') return r.ownerId;
  const actor = await loadActor(db, { accountId: r.accountId, personId: r.personId, fullName: r.fullName, isAdmin: r.isAdmin ?? false });
  return (await networkAccess(db, actor, r.ownerId)).read ? r.ownerId : undefined;
}

/** The iCal text of a person's or network's feed; 404 for an unknown token or a reader no longer allowed. */
export async function feed(db: Executor, kind: 'person' | 'network', file: string, publicUrl: string): Promise<string> {
  const m = /^([A-Za-z0-9_-]{16,100})\.ics$/.exec(file);
  const ownerId = m ? await readableOwner(db, kind, m[1]) : undefined;
  if (!ownerId) throw notFound('lịch');
  const ids = kind === 'person' ? await feedOfPerson(db, ownerId) : await feedOfNetwork(db, ownerId);
  const { rows, venues } = await calendarRepo.feedRows(db, ids);
  // A person's own feed places each meeting where they attend it: their bridge point, else the central venue.
  const mine = kind === 'person' ? await calendarRepo.invitedVenues(db, ownerId, ids) : new Map<string, string>();
  const name = kind === 'network' ? ((await calendarRepo.networkOf(db, ownerId))?.name ?? 'Mạng lưới') : 'Lịch của tôi';
  const cal = ical({ name: `Liên Trường — ${name}`, prodId: { company: 'Lien Truong', product: 'lich-sinh-hoat', language: 'VI' } });
  const base = publicUrl.replace(/\/$/, '');
  for (const { meeting, hostName, networkName } of rows) {
    const own = venues.filter((v) => v.meetingId === meeting.id);
    const central = own.find((v) => v.isCentral);
    const place = own.find((v) => v.id === mine.get(meeting.id)) ?? central;
    const links = own.filter((v) => v.onlineUrl).map((v) => `${v.name}: ${v.onlineUrl}`);
    const location = place ? [place.name, place.room, place.address].filter(Boolean).join(', ') : meetingModeLabel(meeting.mode);
    const description = [
      `${meetingKindLabel(meeting.kind)} — ${meetingModeLabel(meeting.mode)}`,
      `Đơn vị tổ chức: ${hostName}`,
      networkName ? `Mạng lưới: ${networkName}` : null,
      meeting.content,
      links.length ? `Đường liên kết:\n${links.join('\n')}` : null,
      meeting.statusReason ? `Lý do: ${meeting.statusReason}` : null,
      `${base}/meetings/${meeting.id}`,
    ]
      .filter(Boolean)
      .join('\n');
    cal.createEvent({
      id: `${meeting.id}@lientruong`,
      start: meeting.startsAt,
      end: meeting.endsAt,
      stamp: meeting.updatedAt,
      summary: meeting.status === 'cancelled' ? `[Đã hủy] ${meeting.title}` : meeting.title,
      location,
      description,
      url: `${base}/meetings/${meeting.id}`,
      status:
        meeting.status === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : meeting.status === 'postponed'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
