// Assembles a DecodedUmp from what a type's decoder found, filling in type, size, group and
// channel (as properties and, first in the list, as fields) from messageAddress, as everything
// else that reads them does.
import type { DecodedUmp, UmpField } from '../decodedUmp';
import { channelOf, groupOf } from '../messageAddress';
import { UMP_WORD_COUNTS } from '../messageType';
import { describedField } from './fields';

// Built once: every decoded message with a group or channel shows one of these.
const groupDisplays = Array.from({ length: 16 }, (_, group) => `${group} (Group ${group + 1})`);
const channelDisplays = Array.from({ length: 16 }, (_, channel) => `${channel} (Channel ${channel + 1})`);

export interface MessageExtras {
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
  const channel = channelOf(word0);
  if (channel !== undefined) {
    result.channel = channel;
    fields.unshift(describedField('Channel', channel, channelDisplays[channel]));
  }
  const group = groupOf(word0);
  if (group !== undefined) {
    result.group = group;
    fields.unshift(describedField('Group', group, groupDisplays[group]));
  }
  if (extras?.reserved === true) result.reserved = true;
  return result;
}
