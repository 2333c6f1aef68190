import { z } from 'zod';
import { err, ok, type Result } from '../result.ts';
import { getCampaign, recordAcknowledgement, type AckChannel, type Acknowledgement } from '../../storage/acknowledgements.ts';
import { getCurrentPolicyVersion, getPolicyVersion } from '../../storage/policy-documents.ts';

/**
 * What an acknowledgement button carries. It says which campaign and exact version the card showed,
 * and whom the card was made for. It never decides who is acknowledging: that comes only from the
 * authenticated channel identity.
 */
export const ackActionDataSchema = z
  .object({
    campaignId: z.string().min(1).max(100),
    versionId: z.string().min(1).max(100),
    /** The user key the card was rendered for; a card forwarded to or replayed by someone else is refused. */
    forUser: z.string().min(1).max(200),
  })
  .strict();
export type AckActionData = z.infer<typeof ackActionDataSchema>;

/** The person, as established by the channel's verified request. */
export interface VerifiedStaff {
  schoolId: string;
  email: string;
  userKey: string;
}

export async function acknowledge(
  db: D1Database,
  input: { who: VerifiedStaff; data: unknown; channel: AckChannel; now: Date },
): Promise<Result<{ ack: Acknowledgement; created: boolean; documentTitle: string; version: number }>> {
  const data = ackActionDataSchema.safeParse(input.data);
  if (!data.success) return err('invalid_input', 'The acknowledgement button is not one Tutela made.');
  const { who } = input;
  if (data.data.forUser !== who.userKey) return err('forbidden', 'This acknowledgement card was made for someone else.');
  const campaign = await getCampaign(db, data.data.campaignId);
  if (!campaign || campaign.schoolId !== who.schoolId) return err('not_found', 'No such acknowledgement request for your school.');
  if (campaign.versionId !== data.data.versionId) return err('forbidden', 'The card names a different version of the document than the request.');
  const version = await getPolicyVersion(db, campaign.versionId);
  if (!version) return err('not_found', 'The policy version has gone.');
  const current = await getCurrentPolicyVersion(db, who.schoolId, version.slug);
  if (campaign.status !== 'active' || current?.versionId !== version.versionId) {
    return err('conflict', `“${version.title}” has changed since this card was sent; please read the current version.`);
  }
  const recorded = await recordAcknowledgement(
    db,
    { schoolId: who.schoolId, versionId: version.versionId, campaignId: campaign.id, userKey: who.userKey, email: who.email, channel: input.channel, contentHash: version.contentHash },
    input.now,
  );
  return ok({ ...recorded, documentTitle: version.title, version: version.version });
}
