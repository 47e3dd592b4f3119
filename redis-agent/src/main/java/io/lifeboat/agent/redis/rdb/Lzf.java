package io.lifeboat.agent.redis.rdb;

/** Inflates LZF (liblzf's format, as Redis compresses long strings in an RDB). */
final class Lzf {

    private Lzf() {
    }

    /**
     * Inflates {@code in} into exactly {@code length} bytes.
     *
     * @param at the byte offset of the compressed string in the RDB, for the error message
     */
    static byte[] inflate(byte[] in, int length, long at) throws RdbFormatException {
        byte[] out = new byte[length];
        int ip = 0;
        int op = 0;
        while (ip < in.length) {
            int ctrl = in[ip++] & 0xff;
            if (ctrl < 32) {
                int run = ctrl + 1;
                if (ip + run > in.length || op + run > length) {
                    throw corrupt(at);
                }
                System.arraycopy(in, ip, out, op, run);
                ip += run;
                op += run;
            } else {
                int run = ctrl >>> 5;
                if (run == 7) {
                    if (ip >= in.length) {
                        throw corrupt(at);
                    }
                    run += in[ip++] & 0xff;
                }
                if (ip >= in.length) {
                    throw corrupt(at);
                }
                int ref = op - ((ctrl & 0x1f) << 8) - 1 - (in[ip++] & 0xff);
                run += 2;
                if (ref < 0 || op + run > length) {
                    throw corrupt(at);
                }
                for (int i = 0; i < run; i++) {
                    out[op++] = out[ref++]; // byte by byte: the reference may overlap the output
                }
            }
        }
        if (op != length) {
            throw corrupt(at);
        }
        return out;
    }

    private static RdbFormatException corrupt(long at) {
        return new RdbFormatException(at, "corrupt LZF-compressed string");
    }
}
