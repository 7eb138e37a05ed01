package com.lotastro.email;

import com.lotastro.api.model.EmailDto;
import com.lotastro.api.model.EmailStatusDto;
import com.lotastro.shared.Timestamps;
import java.util.List;

final class EmailMapper {
    private EmailMapper() {
    }

    static EmailDto toDto(EmailMessage message) {
        return new EmailDto()
                .id(message.id)
                .kind(message.kind)
                .recipients(List.of(message.recipients))
                .subject(message.subject)
                .body(message.body)
                .status(EmailStatusDto.fromValue(message.status))
                .attempts(message.attempts)
                .nextAttemptAt(EmailMessage.PENDING.equals(message.status) ? Timestamps.utc(message.nextAttemptAt) : null)
                .lastError(message.lastError)
                .createdAt(Timestamps.utc(message.createdAt))
                .sentAt(Timestamps.utc(message.sentAt));
    }
}
