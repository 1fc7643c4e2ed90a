// CP949 (Korean Windows) bytes, loaded only for --encoding cp949 and for importing such files.
import iconv from 'iconv-lite';

export const encodeCp949 = (text: string): Buffer => iconv.encode(text, 'cp949');
export const decodeCp949 = (bytes: Buffer): string => iconv.decode(bytes, 'cp949');
