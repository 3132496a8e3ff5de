# Zarr v3 arrays written and read by hand from the specification (zarr-specs v3.0 core, sharding_indexed 1.0,
# crc32c), with numpy and numcodecs only: Debian has no zarr-python 3. Its own code, apart from the Java reader
# and writer it checks.
#   write ROOT: writes the cases and, beside each, NAME.expected (its values, C order, little-endian); prints their names
#   read ARRAY OUT: decodes ARRAY (a folder with zarr.json) into OUT (C order, little-endian)
import json, os, struct, sys
import numpy as np
import numcodecs

TABLE = []
for n in range(256):
    c = n
    for _ in range(8):
        c = (c >> 1) ^ (0x82F63B78 if c & 1 else 0)
    TABLE.append(c)


def crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c = TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


MISSING = 2**64 - 1


def encode(codecs, a):
    """Encodes array a (one chunk) through a codec list; returns bytes."""
    data = a
    for c in codecs:
        name, conf = c['name'], c.get('configuration', {})
        if name == 'transpose':
            data = np.ascontiguousarray(np.transpose(data, conf['order']))
        elif name == 'bytes':
            e = '>' if conf.get('endian') == 'big' else '<'
            data = data.astype(data.dtype.newbyteorder(e)).tobytes()
        elif name == 'sharding_indexed':
            data = encode_shard(conf, data)
        elif name == 'gzip':
            data = numcodecs.GZip(conf['level']).encode(data)
        elif name == 'zstd':
            data = numcodecs.Zstd(conf['level']).encode(data)
        elif name == 'blosc':
            shuffle = {'noshuffle': 0, 'shuffle': 1, 'bitshuffle': 2}[conf['shuffle']]
            typed = np.frombuffer(data, dtype='u%d' % conf['typesize'])
            data = numcodecs.Blosc(conf['cname'], conf['clevel'], shuffle).encode(typed)
        elif name == 'crc32c':
            data = bytes(data) + struct.pack('<I', crc32c(bytes(data)))
        else:
            raise ValueError(name)
    return bytes(data)


def decode(codecs, raw, shape, dtype):
    """Decodes one chunk's bytes through a codec list into an array of shape."""
    shapes = [tuple(shape)]
    for c in codecs:
        if c['name'] == 'transpose':
            shapes.append(tuple(shapes[-1][i] for i in c['configuration']['order']))
    data = raw
    for c in reversed(codecs):
        name, conf = c['name'], c.get('configuration', {})
        if name == 'crc32c':
            assert struct.unpack('<I', data[-4:])[0] == crc32c(data[:-4]), 'crc32c'
            data = data[:-4]
        elif name in ('gzip', 'zstd', 'blosc'):
            data = {'gzip': numcodecs.GZip(), 'zstd': numcodecs.Zstd(), 'blosc': numcodecs.Blosc()}[name].decode(data)
        elif name == 'bytes':
            e = '>' if conf.get('endian') == 'big' else '<'
            data = np.frombuffer(bytes(data), dtype=np.dtype(dtype).newbyteorder(e)).reshape(shapes[-1])
        elif name == 'sharding_indexed':
            data = decode_shard(conf, data, shape, dtype)
        elif name == 'transpose':
            shapes.pop()
            data = np.transpose(data, np.argsort(conf['order']))
    return np.asarray(data)


def encode_shard(conf, a, missing=lambda k: False):
    inner = conf['chunk_shape']
    per = [s // c for s, c in zip(a.shape, inner)]
    n = int(np.prod(per))
    index = np.full((n, 2), MISSING, dtype='<u8')
    body = b''
    start = conf.get('index_location', 'end') == 'start'
    index_size = 16 * n + 4 * sum(1 for c in conf['index_codecs'] if c['name'] == 'crc32c')
    for k, pos in enumerate(np.ndindex(*per)):
        sl = tuple(slice(p * c, (p + 1) * c) for p, c in zip(pos, inner))
        if np.all(a[sl] == FILL[0]):
            continue  # stored as missing, read as the fill value
        enc = encode(conf['codecs'], a[sl])
        index[k] = (len(body) + (index_size if start else 0), len(enc))
        body += enc
    idx = encode(conf['index_codecs'], index.reshape(per + [2]))
    return idx + body if start else body + idx


def decode_shard(conf, data, shape, dtype):
    inner = conf['chunk_shape']
    per = [s // c for s, c in zip(shape, inner)]
    n = int(np.prod(per))
    index_size = 16 * n + 4 * sum(1 for c in conf['index_codecs'] if c['name'] == 'crc32c')
    start = conf.get('index_location', 'end') == 'start'
    idx_bytes = data[:index_size] if start else data[len(data) - index_size:]
    index = decode(conf['index_codecs'], idx_bytes, per + [2], 'u8').reshape(n, 2)
    out = np.full(shape, FILL[0], dtype=dtype)
    for k, pos in enumerate(np.ndindex(*per)):
        off, nb = int(index[k][0]), int(index[k][1])
        if off == MISSING and nb == MISSING:
            continue
        sl = tuple(slice(p * c, (p + 1) * c) for p, c in zip(pos, inner))
        out[sl] = decode(conf['codecs'], data[off:off + nb], inner, dtype)
    return out


FILL = [0]


def key(meta, g):
    enc = meta.get('chunk_key_encoding', {'name': 'default'})
    sep = enc.get('configuration', {}).get('separator', '/' if enc['name'] == 'default' else '.')
    parts = [str(i) for i in g]
    return ('c' + sep if enc['name'] == 'default' else '') + sep.join(parts)


def fill_of(meta, dtype):
    f = meta['fill_value']
    if isinstance(f, str) and f.startswith('0x'):
        return np.frombuffer(bytes.fromhex(f[2:])[::-1], dtype=dtype)[0]
    return np.array(f).astype(dtype)


def write_array(path, a, chunks, codecs, fill=0, keys=None, skip=lambda g: False, attrs=None):
    os.makedirs(path, exist_ok=True)
    meta = {'zarr_format': 3, 'node_type': 'array', 'shape': list(a.shape), 'data_type': str(a.dtype),
            'chunk_grid': {'name': 'regular', 'configuration': {'chunk_shape': list(chunks)}},
            'chunk_key_encoding': keys or {'name': 'default', 'configuration': {'separator': '/'}},
            'fill_value': fill, 'codecs': codecs, 'attributes': attrs or {}}
    with open(os.path.join(path, 'zarr.json'), 'w') as f:
        json.dump(meta, f, indent=2)
    FILL[0] = fill_of(meta, a.dtype)
    grid = [-(-s // c) for s, c in zip(a.shape, chunks)]
    for g in np.ndindex(*grid):
        if skip(g):
            continue
        padded = np.full(chunks, FILL[0], dtype=a.dtype)
        sl = tuple(slice(i * c, min((i + 1) * c, s)) for i, c, s in zip(g, chunks, a.shape))
        part = a[sl]
        padded[tuple(slice(0, s) for s in part.shape)] = part
        k = os.path.join(path, key(meta, g))
        os.makedirs(os.path.dirname(k), exist_ok=True)
        with open(k, 'wb') as f:
            f.write(encode(codecs, padded))


def read_array(path):
    with open(os.path.join(path, 'zarr.json')) as f:
        meta = json.load(f)
    dtype = np.dtype(meta['data_type'])
    FILL[0] = fill_of(meta, dtype)
    shape, chunks = meta['shape'], meta['chunk_grid']['configuration']['chunk_shape']
    out = np.full(shape, FILL[0], dtype=dtype)
    grid = [-(-s // c) for s, c in zip(shape, chunks)]
    for g in np.ndindex(*grid):
        k = os.path.join(path, key(meta, g))
        if not os.path.exists(k):
            continue
        with open(k, 'rb') as f:
            chunk = decode(meta['codecs'], f.read(), chunks, dtype)
        sl = tuple(slice(i * c, min((i + 1) * c, s)) for i, c, s in zip(g, chunks, shape))
        out[sl] = chunk[tuple(slice(0, e.stop - e.start) for e in sl)]
    return out


def B(endian=None):
    return {'name': 'bytes', 'configuration': {'endian': endian} if endian else {}}


def C(name, **conf):
    return {'name': name, 'configuration': conf}


def write_cases(root):
    shape, chunks = (11, 20, 23), (5, 7, 9)
    z, y, x = np.indices(shape)
    base = (z * 31 + y * 7 + x * 3) % 97
    cases = []

    def case(name, a, chunks, codecs, fill=0, **kw):
        write_array(os.path.join(root, name), a, chunks, codecs, fill, **kw)
        b = a.copy()
        if 'skip' in kw:  # the chunks not written read as the fill value
            grid = [-(-s // c) for s, c in zip(a.shape, chunks)]
            for g in np.ndindex(*grid):
                if kw['skip'](g):
                    b[tuple(slice(i * c, (i + 1) * c) for i, c in zip(g, chunks))] = fill_of({'fill_value': fill}, a.dtype)
        b.astype(b.dtype.newbyteorder('<')).tofile(os.path.join(root, name + '.expected'))
        cases.append(name)

    case('u2-gzip', base.astype('u2'), chunks, [B('little'), C('gzip', level=5)])
    case('i4-transposed-big-zstd', (base - 40).astype('i4'), chunks,
         [C('transpose', order=[2, 0, 1]), B('big'), C('zstd', level=3, checksum=False)])
    case('f4-blosc-crc32c-nan', (base / 4.0).astype('f4'), chunks,
         [B('little'), C('blosc', cname='lz4', clevel=5, shuffle='bitshuffle', typesize=4, blocksize=0), C('crc32c')],
         fill='NaN', skip=lambda g: g[0] == 2)
    case('u1-v2-keys', base.astype('u1'), chunks, [B()], keys={'name': 'v2', 'configuration': {'separator': '.'}})
    case('f8-fill-hex', (base / 8.0).astype('f8'), chunks, [B('little'), C('zstd', level=1, checksum=True)],
         fill='0x3ff0000000000000', skip=lambda g: g == (0, 0, 0))
    labels = np.where(base % 5 == 0, 0, base.astype('u8') + np.uint64(2**40))
    labels[:5] = 7  # inner chunks of the fill value: not stored in the shards
    case('u8-sharded-end', labels, (10, 14, 18),
         [C('sharding_indexed', chunk_shape=list(chunks), codecs=[B('little'), C('zstd', level=3, checksum=False)],
            index_codecs=[B('little'), C('crc32c')], index_location='end')], fill=7, skip=lambda g: g == (1, 1, 1))
    case('u2-sharded-start', base.astype('u2'), (5, 14, 27),
         [C('sharding_indexed', chunk_shape=list(chunks),
            codecs=[C('transpose', order=[2, 1, 0]), B('little'),
                    C('blosc', cname='zstd', clevel=3, shuffle='shuffle', typesize=2, blocksize=0), C('crc32c')],
            index_codecs=[B('little')], index_location='start')])
    # an OME-Zarr 0.5 image: (t, c, z, y, x), two levels
    ome = os.path.join(root, 'image.ome.zarr')
    os.makedirs(ome, exist_ok=True)
    axes = [{'name': 't', 'type': 'time', 'unit': 'second'}, {'name': 'c', 'type': 'channel'}] + [
        {'name': n, 'type': 'space', 'unit': 'micrometer'} for n in 'zyx']
    levels = [base.astype('u1')[None, None], base[:, ::2, ::2].astype('u1')[None, None]]
    datasets = [{'path': str(k), 'coordinateTransformations': [
        {'type': 'scale', 'scale': [1.0, 1.0, 0.04, 0.008 * 2**k, 0.008 * 2**k]}]} for k in range(2)]
    with open(os.path.join(ome, 'zarr.json'), 'w') as f:
        json.dump({'zarr_format': 3, 'node_type': 'group', 'attributes': {'ome': {'version': '0.5', 'multiscales': [
            {'name': 'image', 'axes': axes, 'datasets': datasets}]}}}, f, indent=2)
    for k, a in enumerate(levels):
        write_array(os.path.join(ome, str(k)), a, (1, 1) + chunks, [B(), C('gzip', level=1)])
        a[0, 0].tofile(os.path.join(root, 'image.ome.zarr.%d.expected' % k))
    return cases


if __name__ == '__main__':
    if sys.argv[1] == 'write':
        print(json.dumps(write_cases(sys.argv[2])))
    else:
        a = read_array(sys.argv[2])
        a.astype(a.dtype.newbyteorder('<')).tofile(sys.argv[3])
        print(a.dtype, list(a.shape))
