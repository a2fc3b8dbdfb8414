package cn.jiyun.fulfillment.orders;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/** Parcel codes for labels: short, unambiguous when read aloud or typed (no 0/O, 1/I), and random. */
@Component
public class ParcelCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return "JY" + new String(code);
    }
}
