package sheet

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha1"
	"encoding/binary"
	"errors"
)

// Excel encrypts a workbook whose structure is protected (保护工作簿)
// with the password "VelvetSweatshop" and opens it without asking; such a
// file is decrypted here. Any other password is a real one, and the file
// is refused. [MS-XLS] 2.2.10 and [MS-OFFCRYPTO] 2.3.5-2.3.6: the stream
// is RC4-encrypted in 1024-byte blocks, each with its own key, keyed by
// the stream offset; record headers, and a few records (BOF, FILEPASS,
// INTERFACEHDR ...) and the stream offsets in BOUNDSHEET, stay in clear.

// defaultPassword is the password Excel uses for structure protection.
const defaultPassword = "VelvetSweatshop"

const cryptBlock = 1024

// errXOR says the file uses the old XOR obfuscation (Excel 95 style).
var errXOR = errors.New("XOR obfuscation")

// plainRecords are the records never encrypted.
var plainRecords = map[uint16]bool{recBOF: true, recFilepass: true, 0x0194: true, 0x0195: true, 0x00E1: true, 0x0196: true, 0x0138: true}

// filepass returns the FILEPASS record of the globals, if any: the record
// headers of an encrypted stream are in clear.
func filepass(stream []byte) (record, bool) {
	r := &records{s: stream}
	for {
		rec, ok, err := r.next()
		if err != nil || !ok || rec.typ == recEOF {
			return record{}, false
		}
		if rec.typ == recFilepass {
			return rec, true
		}
	}
}

// decrypt returns a copy of stream decrypted with the default password;
// errEncrypted when the password is another, errXOR for XOR obfuscation.
func decrypt(stream []byte, fp record, biff8 bool) ([]byte, error) {
	d := fp.data
	if !biff8 || len(d) < 6 || u16(d, 0) == 0 {
		return nil, errXOR
	}
	key, err := rc4Key(d[2:])
	if err != nil {
		return nil, err
	}
	out := append([]byte(nil), stream...)
	ks := &keystream{key: key, block: -1}
	r := &records{s: stream, pos: fp.off + 4 + len(fp.data)}
	for {
		rec, ok, err := r.next()
		if err != nil {
			return nil, errBIFF
		}
		if !ok {
			return out, nil
		}
		start := rec.off + 4
		switch {
		case plainRecords[rec.typ]:
			continue
		case rec.typ == recBoundsheet:
			start += 4 // lbPlyPos stays in clear
		}
		for p := start; p < rec.off+4+len(rec.data); p++ {
			out[p] ^= ks.at(p)
		}
	}
}

// keystream gives the RC4 keystream byte at a stream offset.
type keystream struct {
	key   func(block uint32) []byte
	block int
	buf   [cryptBlock]byte
}

func (k *keystream) at(p int) byte {
	if b := p / cryptBlock; b != k.block {
		k.block = b
		c, _ := rc4.NewCipher(k.key(uint32(b)))
		clear(k.buf[:])
		c.XORKeyStream(k.buf[:], k.buf[:])
	}
	return k.buf[p%cryptBlock]
}

// rc4Key reads the RC4 encryption header of a FILEPASS (after its
// encryption type), checks the default password against its verifier and
// returns the per-block key.
func rc4Key(h []byte) (func(block uint32) []byte, error) {
	if len(h) < 4 {
		return nil, errBIFF
	}
	major, minor := u16(h, 0), u16(h, 2)
	var key func(uint32) []byte
	var verifier, hash []byte
	switch {
	case major == 1 && minor == 1 && len(h) >= 52: // RC4 ("Office 97/2000 compatible")
		key = rc4StdKey(defaultPassword, h[4:20])
		verifier, hash = h[20:36], h[36:52]
	case major >= 2 && major <= 4 && minor == 2: // RC4 CryptoAPI
		var err error
		if key, verifier, hash, err = cryptoAPIKey(h[4:]); err != nil {
			return nil, err
		}
	default:
		return nil, errEncrypted()
	}
	c, _ := rc4.NewCipher(key(0))
	plain := make([]byte, len(verifier)+len(hash))
	c.XORKeyStream(plain, append(append([]byte(nil), verifier...), hash...))
	v, got := plain[:len(verifier)], plain[len(verifier):]
	var want []byte
	if len(hash) == md5.Size {
		s := md5.Sum(v)
		want = s[:]
	} else {
		s := sha1.Sum(v)
		want = s[:]
	}
	if !bytes.Equal(got, want) {
		return nil, errEncrypted() // a password of its own
	}
	return key, nil
}

// rc4StdKey derives the block keys of RC4 encryption: MD5 of the password,
// truncated to 40 bits, hashed 16 times with the salt, truncated, then
// hashed with the block number.
func rc4StdKey(password string, salt []byte) func(uint32) []byte {
	h0 := md5.Sum(utf16le(password))
	var buf []byte
	for i := 0; i < 16; i++ {
		buf = append(append(buf, h0[:5]...), salt...)
	}
	h1 := md5.Sum(buf)
	return func(block uint32) []byte {
		b := binary.LittleEndian.AppendUint32(append([]byte(nil), h1[:5]...), block)
		k := md5.Sum(b)
		return k[:]
	}
}

// cryptoAPIKey reads an RC4 CryptoAPI header (flags, header size, header,
// verifier) and derives the block keys: SHA-1 of the salt and password,
// hashed with the block number, cut to the key size (40 bits padded with
// zeros to 128).
func cryptoAPIKey(h []byte) (key func(uint32) []byte, verifier, hash []byte, err error) {
	if len(h) < 8 {
		return nil, nil, nil, errBIFF
	}
	size := int(u32(h, 4))
	if size < 32 || 8+size > len(h) {
		return nil, nil, nil, errBIFF
	}
	bits := int(u32(h, 8+16))
	if bits == 0 {
		bits = 40
	}
	v := h[8+size:]
	if len(v) < 4 || u32(v, 0) != 16 || len(v) < 4+16+16+4+20 {
		return nil, nil, nil, errBIFF
	}
	salt, verifier, hash := v[4:20], v[20:36], v[40:60]
	if bits < 40 || bits > 128 || bits%8 != 0 {
		return nil, nil, nil, errEncrypted()
	}
	h0 := sha1.Sum(append(append([]byte(nil), salt...), utf16le(defaultPassword)...))
	key = func(block uint32) []byte {
		k := sha1.Sum(binary.LittleEndian.AppendUint32(append([]byte(nil), h0[:]...), block))
		if bits == 40 {
			return append(k[:5:5], make([]byte, 11)...)
		}
		return k[:bits/8]
	}
	return key, verifier, hash, nil
}
