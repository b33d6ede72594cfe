package org.mu1000.platform.training.infrastructure.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.mu1000.platform.shared.infrastructure.mongo.IndexDeclaration;
import org.mu1000.platform.training.domain.TrainingStore;

/** Courses are listed by programme, sessions by course and date, attendance by session and by programme. */
@ApplicationScoped
public class TrainingIndexes implements IndexDeclaration {
  @Override
  public List<Index> indexes() {
    return List.of(
        new Index(TrainingStore.COURSES, new Document("programmeId", 1).append("title", 1), false),
        new Index(TrainingStore.SESSIONS, new Document("courseId", 1).append("date", -1), false),
        new Index(TrainingStore.SESSIONS, new Document("programmeId", 1).append("date", -1), false),
        new Index(TrainingStore.ATTENDANCE, new Document("sessionId", 1), false),
        new Index(TrainingStore.ATTENDANCE, new Document("programmeId", 1).append("farmerId", 1), false));
  }
}
