import { Injectable } from '@nestjs/common';

// The time every session and throttling decision is based on; a test moves it with jest.spyOn(clock, 'now').
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
