// Assembles a DecodedUmp from what a type's decoder found, filling in type, size, group and
// channel (as properties and, first in the list, as fields).
import type { DecodedUmp, UmpField } from '../decodedUmp';
import { UMP_WORD_COUNTS, hasGroup } from '../messageType';
import { describedField } from './fields';

export interface MessageExtras {
  channel?: number;
  reserved?: boolean;
}

export function decodedMessage(
  word0: number,
  status: number,
  name: string,
  fields: UmpField[],
  summary: string,
  extras?: MessageExtras,
): DecodedUmp {
  const messageType = word0 >>> 28;
  const result: DecodedUmp = {
    messageType,
    wordCount: UMP_WORD_COUNTS[messageType],
    status,
    name,
    fields,
    summary,
  };
  const addressFields: UmpField[] = [];
  if (hasGroup(messageType)) {
    const group = (word0 >>> 24) & 0xf;
    result.group = group;
    addressFields.push(describedField('Group', group, `${group} (Group ${group + 1})`));
  }
  const channel = extras?.channel;
  if (channel !== undefined) {
    result.channel = channel;
    addressFields.push(describedField('Channel', channel, `${channel} (Channel ${channel + 1})`));
  }
  if (addressFields.length > 0) result.fields = addressFields.concat(fields);
  if (extras?.reserved === true) result.reserved = true;
  return result;
}
