package org.mu1000.platform.shared.infrastructure.mongo;

import com.mongodb.MongoClientSettings;
import java.time.Instant;
import java.time.LocalDate;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.codecs.record.RecordCodecProvider;

/**
 * The one way records become documents: the driver's own record codec, over one registry every collection of the
 * platform uses. Amounts are Decimal128 (the driver's), enums their names (the driver's); days and instants are ISO
 * strings (ours: they sort as text, a day has no time zone, and an instant keeps its nanoseconds). A stored record
 * is its fields under their component names, with its id as {@code _id} too; fields a record does not have (the
 * version bookkeeping, {@code deleted}) are skipped when it is read.
 */
public final class Codecs {
  /** Days and instants first, so records and documents both store them as ISO strings. */
  public static final CodecRegistry REGISTRY = CodecRegistries.fromRegistries(
      CodecRegistries.fromCodecs(new IsoDay(), new IsoInstant()),
      CodecRegistries.fromProviders(new RecordCodecProvider()),
      MongoClientSettings.getDefaultCodecRegistry());

  private static final EncoderContext ENCODE = EncoderContext.builder().build();
  private static final DecoderContext DECODE = DecoderContext.builder().build();

  private Codecs() {}

  /** A record as it is stored: {@code _id}, then its fields. */
  public static <T> BsonDocument document(String id, T record) {
    BsonDocument d = new BsonDocument("_id", new BsonString(id));
    @SuppressWarnings("unchecked")
    Codec<T> codec = (Codec<T>) REGISTRY.get(record.getClass());
    codec.encode(new BsonDocumentWriter(d), record, ENCODE);
    return d;
  }

  /** A stored document as the record it holds. */
  public static <T> T record(BsonDocument d, Class<T> type) {
    return REGISTRY.get(type).decode(new BsonDocumentReader(d), DECODE);
  }

  /** A document read without a record class (a {@link Document}) as the record it holds. */
  public static <T> T record(Document d, Class<T> type) {
    return record(d.toBsonDocument(BsonDocument.class, REGISTRY), type);
  }

  /** A day as {@code 2026-05-10}. */
  static final class IsoDay implements Codec<LocalDate> {
    @Override
    public void encode(BsonWriter writer, LocalDate value, EncoderContext context) {
      writer.writeString(value.toString());
    }

    @Override
    public LocalDate decode(BsonReader reader, DecoderContext context) {
      return LocalDate.parse(reader.readString());
    }

    @Override
    public Class<LocalDate> getEncoderClass() {
      return LocalDate.class;
    }
  }

  /** An instant as {@code 2026-05-10T09:30:00.123456Z}; one stored as a BSON date (an older document) reads too. */
  static final class IsoInstant implements Codec<Instant> {
    @Override
    public void encode(BsonWriter writer, Instant value, EncoderContext context) {
      writer.writeString(value.toString());
    }

    @Override
    public Instant decode(BsonReader reader, DecoderContext context) {
      return switch (reader.getCurrentBsonType()) {
        case DATE_TIME -> Instant.ofEpochMilli(reader.readDateTime());
        default -> Instant.parse(reader.readString());
      };
    }

    @Override
    public Class<Instant> getEncoderClass() {
      return Instant.class;
    }
  }
}
