package org.mu1000.localmongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A collection's documents as the store writes them: BSON, the format they arrived in. The backend writes them with
 * Java serialisation, several times slower and larger, and every commit rewrites whole pages of documents. A
 * document written that way (a store from before, or a value BSON cannot carry) is still read, by the backend's
 * own type.
 */
final class BsonValues extends ObjectDataType {
  /** A tag ObjectDataType gives no type (it uses 0–19, 32–49 and 64–119; index keys use 124 and 125). */
  private static final byte BSON = 126;
  /**
   * A document in memory takes a few times its BSON size (a map of boxed values), and once written its BSON is kept
   * beside it ({@link Stored}).
   */
  private static final int IN_MEMORY = 4;

  /**
   * The running average BSON size of this map's documents. H2 splits a page at 16 KB and sizes its cache by the
   * estimate; the backend's type guesses 10 KB for any object it has not serialised itself, which made every page
   * hold one or two documents and let the cache keep a fifth of what fits.
   */
  private volatile int average = 1024;

  @Override
  public int getMemory(Object obj) {
    return obj instanceof Stored ? IN_MEMORY * average : super.getMemory(obj);
  }

  private void sized(int bytes) {
    average = (bytes + 15 * average) / 16;
  }

  @Override
  public void write(WriteBuffer buff, Object obj) {
    Stored stored = (Stored) obj;
    byte[] bytes = stored.bson();
    if (bytes == null) {
      super.write(buff, stored.document);
      return;
    }
    sized(bytes.length);
    putTagged(buff, BSON, bytes);
  }

  static void putTagged(WriteBuffer buff, byte tag, byte[] bytes) {
    buff.put(tag).putVarInt(bytes.length).put(bytes);
  }

  /** The document as BSON; null for a value BSON cannot carry (the caller then serialises it H2's way). */
  static byte[] bson(Document d) {
    ByteBuf bytes = Unpooled.buffer(512);
    try {
      BsonEncoder.encodeDocument(d, bytes);
      byte[] out = new byte[bytes.readableBytes()];
      bytes.readBytes(out);
      return out;
    } catch (RuntimeException notBson) {
      return null;
    } finally {
      bytes.release();
    }
  }

  @Override
  public Object read(ByteBuffer buff) {
    byte[] bytes = tagged(buff, BSON);
    if (bytes == null) {
      return new Stored((Document) super.read(buff)); // written by the plain backend, or not BSON
    }
    sized(bytes.length);
    // its bytes are not kept: a page only read (a scan of a million lots) would hold them twice
    return new Stored(document(bytes));
  }

  /** The bytes of the next value if it carries {@code tag} (then read past it); null if it does not. */
  static byte[] tagged(ByteBuffer buff, byte tag) {
    if (buff.get(buff.position()) != tag) {
      return null;
    }
    buff.get();
    byte[] bytes = new byte[DataUtils.readVarInt(buff)];
    buff.get(bytes);
    return bytes;
  }

  static Document document(byte[] bson) {
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
  }
}
